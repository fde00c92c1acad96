package io.incidentflow.timeline;

import static io.incidentflow.timeline.TaskEntries.utc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.incident.Incident;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What the process itself did, from Camunda's history: targets reached (timers), a recovery reported by the source
 * (messages), and the end of the process. Tasks and steps have sources of their own.
 */
@Component
class ProcessEntries implements TimelineSource {

    private final HistoryService history;

    ProcessEntries(HistoryService history) {
        this.history = history;
    }

    @Override
    public List<TimelineEntry> entriesFor(Incident incident) {
        String process = incident.processInstanceId();
        if (process == null) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(process).list()) {
            if (isEvent(activity.getActivityType())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("activity", activity.getActivityId());
                details.put("type", activity.getActivityType());
                entries.add(new TimelineEntry(utc(activity.getStartTime()), TimelineEntry.PROCESS, null,
                        activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName(),
                        details, TimelineEntry.CHANGED));
            }
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(process)
                .singleResult();
        if (instance != null && instance.getEndTime() != null) {
            entries.add(new TimelineEntry(utc(instance.getEndTime()), TimelineEntry.PROCESS, null, "Process ended",
                    Map.of("state", instance.getState()), TimelineEntry.DEFAULT_RANK));
        }
        return entries;
    }

    /** Timers, messages and escalations that interrupted or started something; plain start and end events don't. */
    private static boolean isEvent(String type) {
        return type != null && (type.startsWith("boundary") || type.startsWith("intermediate")
                || type.endsWith("StartEvent") && !"startEvent".equals(type));
    }
}
