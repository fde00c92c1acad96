package io.incidentflow.review;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentNotFoundException;
import io.incidentflow.incident.IncidentService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Measure the incident (review process): opens the review record and puts the incident's context and measured
 * figures into the review task, which shows them read-only.
 */
@Component("measureIncidentDelegate")
class MeasureIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final ReviewService reviews;

    MeasureIncidentDelegate(IncidentService incidents, ReviewService reviews) {
        this.incidents = incidents;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = String.valueOf(execution.getVariable("incidentNumber")).strip();
        Incident incident = incidents.findByNumber(number).orElseThrow(() -> new IncidentNotFoundException(number));
        execution.setVariable("incidentNumber", incident.number());
        execution.setVariable("incidentId", incident.id());
        execution.setVariable("reviewId", reviews.open(incident.id(), execution.getProcessInstanceId()));
        execution.setVariable("title", incident.title());
        execution.setVariable("description", incident.description());
        execution.setVariable("priority", incident.priority());
        execution.setVariable("category", incident.category());
        execution.setVariable("service", incident.service());
        // Prefills the review's root cause with what the resolver recorded; the reviewers refine it.
        execution.setVariable("rootCause", incident.rootCause());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(incident.number());
        }
        reviews.measure(incident).asTaskVariables().forEach(execution::setVariable);
    }
}
