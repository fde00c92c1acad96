package io.incidentflow.timeline;

import java.util.List;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An incident's timeline, and the diagram with the path its process took, for everyone who may read incidents. */
@RestController
@RequestMapping("/api/incidents/{number}")
class TimelineController {

    private final IncidentService incidents;
    private final Timeline timeline;
    private final ProcessPath paths;

    TimelineController(IncidentService incidents, Timeline timeline, ProcessPath paths) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.paths = paths;
    }

    record IncidentTimeline(String incident, List<TimelineEntry> entries) {
    }

    @GetMapping(path = "/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentTimeline timeline(@PathVariable String number) {
        Incident incident = incident(number);
        return new IncidentTimeline(incident.number(), timeline.of(incident));
    }

    /** The BPMN XML of the process definition version this incident ran on, for the bpmn-js viewer. */
    @GetMapping(path = "/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    String diagram(@PathVariable String number) {
        return paths.bpmnXml(incident(number)).orElseThrow(() -> notFound(number, "has no process diagram"));
    }

    @GetMapping(path = "/path", produces = MediaType.APPLICATION_JSON_VALUE)
    ProcessPath.Path path(@PathVariable String number) {
        return paths.of(incident(number)).orElseThrow(() -> notFound(number, "has no process history"));
    }

    private Incident incident(String number) {
        return incidents.findByNumber(number).orElseThrow(() -> notFound(number, "does not exist"));
    }

    static ErrorResponseException notFound(String number, String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The incident " + number + " " + what + ".");
        problem.setTitle("Incident not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
