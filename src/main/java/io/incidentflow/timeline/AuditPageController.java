package io.incidentflow.timeline;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentFilter;
import io.incidentflow.incident.IncidentService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Read-only pages for auditors (and everyone else who reads incidents): server-rendered, so there is no front-end
 * build, behind the same HTTP Basic login as /api. The only script is the bpmn-js viewer served from the app.
 */
@Controller
class AuditPageController {

    /** The webjar's version, as in the pom: the page names the file it loads. */
    static final String BPMN_JS = "/webjars/bpmn-js/8.0.0/dist/";

    static final Map<String, String> KINDS = Map.of(
            TimelineEntry.ALERT, "アラート / Alert",
            TimelineEntry.STATE, "状態 / State",
            TimelineEntry.TASK, "タスク / Task",
            TimelineEntry.NOTIFICATION, "通知 / Notification",
            TimelineEntry.ESCALATION, "エスカレーション / Escalation",
            TimelineEntry.COMMENT, "コメント / Comment",
            TimelineEntry.PROCESS, "プロセス / Process",
            TimelineEntry.LINK, "リンク / Link");

    private final IncidentService incidents;
    private final Timeline timeline;
    private final ProcessPath paths;
    private final ObjectMapper json;

    AuditPageController(IncidentService incidents, Timeline timeline, ProcessPath paths, ObjectMapper json) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.paths = paths;
        this.json = json;
    }

    /** An entry with its details as JSON: what the API answers, readable without a JSON viewer. */
    record Row(TimelineEntry entry, String details) {
    }

    private Row row(TimelineEntry entry) {
        try {
            return new Row(entry, json.writeValueAsString(entry.details()));
        } catch (JsonProcessingException e) {
            return new Row(entry, String.valueOf(entry.details()));
        }
    }

    @GetMapping("/audit/incidents")
    String index(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", incidents.list(new IncidentFilter(null, null, null, Math.max(page, 0), 50)));
        return "audit/incidents";
    }

    @GetMapping("/audit/incidents/{number}")
    String incident(@PathVariable String number, Model model) {
        Incident incident = incidents.findByNumber(number)
                .orElseThrow(() -> TimelineController.notFound(number, "does not exist"));
        model.addAttribute("incident", incident);
        model.addAttribute("entries", timeline.of(incident).stream().map(this::row).toList());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("path", paths.of(incident).orElse(null));
        model.addAttribute("bpmnJs", BPMN_JS);
        return "audit/incident";
    }
}
