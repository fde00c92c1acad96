package io.incidentflow.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.incidentflow.incident.Incident;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/** The diagram an incident's process ran on (the deployed version, not today's) and the path it took through it. */
@Service
class ProcessPath {

    private final HistoryService history;
    private final RepositoryService repository;

    ProcessPath(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    /** @param completed activities passed at least once; {@code active} those waiting now */
    record Path(String processDefinitionId, List<String> completed, List<String> active) {
    }

    Optional<Path> of(Incident incident) {
        return instance(incident).map(instance -> {
            Set<String> completed = new LinkedHashSet<>();
            Set<String> active = new LinkedHashSet<>();
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
                (activity.getEndTime() == null ? active : completed).add(activity.getActivityId());
            }
            completed.removeAll(active);
            return new Path(instance.getProcessDefinitionId(), List.copyOf(completed), List.copyOf(active));
        });
    }

    Optional<String> bpmnXml(Incident incident) {
        return instance(incident).map(instance -> {
            try (InputStream xml = repository.getProcessModel(instance.getProcessDefinitionId())) {
                return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Optional<HistoricProcessInstance> instance(Incident incident) {
        return Optional.ofNullable(incident.processInstanceId()).map(id -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult());
    }
}
