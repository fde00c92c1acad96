package io.incidentflow.tasklist;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Responders pick work from Tasklist by name, so every task of an incident says which incident it is
 * ({@code INC-000042 · Investigate and diagnose · ディスク容量不足 db01}) and whether a target was missed.
 * Done here rather than with name expressions so that the models keep readable labels in Modeler.
 */
@Component
public class TaskNaming {

    static final String SEPARATOR = " · ";
    static final String BREACH_MARK = "⚠ SLA";
    private static final Map<Integer, Integer> TASK_PRIORITY = Map.of(1, 100, 2, 75, 3, 50, 4, 25, 5, 0);

    private final TaskService taskService;
    private final RepositoryService repositoryService;

    TaskNaming(TaskService taskService, RepositoryService repositoryService) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onTaskCreated(DelegateTask task) {
        Map<String, Object> variables = task.getVariables();
        String number = (String) variables.get("incidentNumber");
        if (number == null) {
            return;
        }
        task.setName(nameFor(number, task.getName(), (String) variables.get("title"), isBreached(variables)));
        Integer priority = asInteger(variables.get("priority"));
        if (priority != null && TASK_PRIORITY.containsKey(priority)) {
            task.setPriority(TASK_PRIORITY.get(priority));
        }
    }

    /** Renames the open tasks of an incident's process after its state changed (e.g. a missed target). */
    public void refreshOpenTasks(String processInstanceId) {
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            Map<String, Object> variables = taskService.getVariables(task.getId());
            String number = (String) variables.get("incidentNumber");
            if (number == null) {
                continue;
            }
            task.setName(nameFor(number, stepName(task), (String) variables.get("title"), isBreached(variables)));
            taskService.saveTask(task);
        }
    }

    static String nameFor(String number, String step, String title, boolean breached) {
        StringBuilder name = new StringBuilder();
        if (breached) {
            name.append(BREACH_MARK).append(SEPARATOR);
        }
        name.append(number).append(SEPARATOR).append(step);
        if (title != null && !title.isBlank()) {
            name.append(SEPARATOR).append(title);
        }
        // ACT_RU_TASK.NAME_ holds 255 characters; a long alert title must not fail the task creation.
        return name.length() > 255 ? name.substring(0, 254) + "…" : name.toString();
    }

    private String stepName(Task task) {
        FlowElement element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return element != null && element.getName() != null ? element.getName() : task.getTaskDefinitionKey();
    }

    private static boolean isBreached(Map<String, Object> variables) {
        return Boolean.TRUE.equals(variables.get("responseBreached"))
                || Boolean.TRUE.equals(variables.get("resolutionBreached"));
    }

    private static Integer asInteger(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text && text.matches("\\d+")) {
            return Integer.valueOf(text);
        }
        return null;
    }
}
