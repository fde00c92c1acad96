package io.incidentflow.engagement;

import java.util.List;

/**
 * The template an incident is opened with: default title, impact and summary, a dedup key template, the chat
 * channels that follow the incident, whom to engage (an escalation plan, or contacts all at once) and an optional
 * runbook (the key of a BPMN process).
 */
public record ResponsePlan(
        String name,
        String title,
        Integer impact,
        String summary,
        String dedupTemplate,
        List<ChatChannel> chatChannels,
        String escalationPlan,
        List<String> contacts,
        String runbook) {

    /**
     * A chat contact (its activated chat channels), or a webhook URL of {@code type} SLACK, TEAMS or WEBHOOK whose
     * messages are in {@code locale} ({@code ja}/{@code en}, default en) and show times in {@code timeZone}.
     */
    public record ChatChannel(String contact, String type, String url, String locale, String timeZone) {
    }
}
