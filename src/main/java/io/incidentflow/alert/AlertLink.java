package io.incidentflow.alert;

/** A link that came with an alert: runbook, graph, generator URL. */
public record AlertLink(String text, String href) {
}
