package io.incidentflow.timeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.incidentflow.incident.Incident;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The user tasks of the incident's process from Camunda's history (history level full): created for whom, claimed,
 * assigned and completed by whom (the user operation log), and the form values submitted.
 */
@Component
class TaskEntries implements TimelineSource {

    private static final String COMPLETED = "completed";

    private final HistoryService history;

    TaskEntries(HistoryService history) {
        this.history = history;
    }

    @Override
    public List<TimelineEntry> entriesFor(Incident incident) {
        String process = incident.processInstanceId();
        if (process == null) {
            return List.of();
        }
        Map<String, List<UserOperationLogEntry>> operations = history.createUserOperationLogQuery()
                .processInstanceId(process).entityType("Task").list().stream()
                .filter(entry -> entry.getTaskId() != null)
                .collect(Collectors.groupingBy(UserOperationLogEntry::getTaskId));
        Map<String, Map<String, Object>> formValues = formValues(process);
        // Task names carry the incident's number and title (see TaskNaming); the step's name is what is news here.
        Map<String, String> steps = history.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityType("userTask").list().stream()
                .filter(activity -> activity.getTaskId() != null && activity.getActivityName() != null)
                .collect(Collectors.toMap(HistoricActivityInstance::getTaskId, HistoricActivityInstance::getActivityName,
                        (first, second) -> first));
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(process).list()) {
            entries.addAll(entriesOf(task, steps.getOrDefault(task.getId(), task.getName()),
                    operations.getOrDefault(task.getId(), List.of()),
                    candidateGroups(task.getId()), formValues));
        }
        return entries;
    }

    private List<TimelineEntry> entriesOf(HistoricTaskInstance task, String step, List<UserOperationLogEntry> operations,
            List<String> candidateGroups, Map<String, Map<String, Object>> formValues) {
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, Object> created = base(task);
        created.put("candidateGroups", candidateGroups);
        entries.add(new TimelineEntry(utc(task.getStartTime()), TimelineEntry.TASK, null,
                "Task created: " + step, created, TimelineEntry.CREATED));
        boolean completionLogged = false;
        // One operation (e.g. a claim) logs a row per property it changed; a timeline entry per operation.
        Map<String, List<UserOperationLogEntry>> byOperation = operations.stream()
                .collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, TreeMap::new, Collectors.toList()));
        for (List<UserOperationLogEntry> operation : byOperation.values()) {
            UserOperationLogEntry first = operation.get(0);
            Map<String, Object> details = base(task);
            details.put("operation", first.getOperationType());
            operation.stream().filter(entry -> entry.getProperty() != null)
                    .forEach(entry -> details.put(entry.getProperty(), String.valueOf(entry.getNewValue())));
            boolean completion = UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(first.getOperationType());
            if (completion) {
                completionLogged = true;
                details.put("formValues", formValues.getOrDefault(task.getId(), Map.of()));
            }
            entries.add(new TimelineEntry(utc(first.getTimestamp()), TimelineEntry.TASK, first.getUserId(),
                    describe(first.getOperationType(), step, details), details,
                    completion ? TimelineEntry.COMPLETED : TimelineEntry.DEFAULT_RANK));
        }
        if (task.getEndTime() != null && !completionLogged) {
            entries.add(ended(task, step, formValues));
        }
        return entries;
    }

    /** Completed without a logged-in user (the engine itself), or cancelled by an event such as a timer. */
    private static TimelineEntry ended(HistoricTaskInstance task, String step,
            Map<String, Map<String, Object>> formValues) {
        Map<String, Object> details = base(task);
        details.put("deleteReason", String.valueOf(task.getDeleteReason()));
        boolean completed = COMPLETED.equals(task.getDeleteReason());
        if (completed) {
            details.put("formValues", formValues.getOrDefault(task.getId(), Map.of()));
        }
        return new TimelineEntry(utc(task.getEndTime()), TimelineEntry.TASK, completed ? task.getAssignee() : null,
                (completed ? "Task completed: " : "Task cancelled: ") + step, details,
                TimelineEntry.COMPLETED);
    }

    private List<String> candidateGroups(String taskId) {
        return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE).list()
                .stream().filter(link -> link.getGroupId() != null && "add".equals(link.getOperationType()))
                .map(HistoricIdentityLinkLog::getGroupId).distinct().toList();
    }

    private static String describe(String operation, String step, Map<String, Object> details) {
        return switch (operation) {
            case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> "Task claimed: " + step;
            case UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> "Task assigned to " + details.get("assignee") + ": " + step;
            case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> "Task completed: " + step;
            case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> "Task delegated to " + details.get("assignee") + ": "
                    + step;
            default -> "Task " + operation + ": " + step;
        };
    }

    /**
     * What each task's form submitted: the form fields Camunda records for {@code submit-form} (Tasklist), else the
     * variables a plain {@code complete} set, which are the task's own when they carry its id.
     */
    private Map<String, Map<String, Object>> formValues(String process) {
        Map<String, Map<String, Object>> submitted = new LinkedHashMap<>();
        Map<String, Map<String, Object>> set = new LinkedHashMap<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(process)
                .orderByTime().asc().list()) {
            if (detail instanceof HistoricFormField field && field.getTaskId() != null) {
                submitted.computeIfAbsent(field.getTaskId(), id -> new TreeMap<>())
                        .put(field.getFieldId(), plain(field.getFieldValue()));
            } else if (detail instanceof HistoricVariableUpdate update && update.getTaskId() != null) {
                set.computeIfAbsent(update.getTaskId(), id -> new TreeMap<>())
                        .put(update.getVariableName(), plain(update.getValue()));
            }
        }
        set.forEach(submitted::putIfAbsent);
        return submitted;
    }

    /** JSON (Spin) and serialized objects become their text, so any variable can be written as JSON and CSV. */
    private static Object plain(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                ? value : value instanceof Date date ? utc(date) : String.valueOf(value);
    }

    private static Map<String, Object> base(HistoricTaskInstance task) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.getId());
        details.put("activity", task.getTaskDefinitionKey());
        details.put("taskName", task.getName());
        if (task.getAssignee() != null) {
            details.put("assignee", task.getAssignee());
        }
        return details;
    }

    static OffsetDateTime utc(Date date) {
        return Objects.requireNonNull(date).toInstant().atOffset(ZoneOffset.UTC);
    }
}
