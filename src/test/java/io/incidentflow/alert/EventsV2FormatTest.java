package io.incidentflow.alert;

import static io.incidentflow.alert.Fixtures.integration;
import static io.incidentflow.alert.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.integration.IntegrationType;

class EventsV2FormatTest {

    private static final IntegrationType TYPE = IntegrationType.EVENTS_V2;

    private final EventsV2Format format = new EventsV2Format();

    @Test
    void servesTheEventsV2IntegrationType() {
        assertThat(format.type()).isEqualTo(IntegrationType.EVENTS_V2);
    }

    @Test
    void mapsTheDocumentedTriggerEvent() {
        Alert alert = format.parse(payload("events-v2-trigger.json"), integration(TYPE)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.dedupKey()).isEqualTo("samplekeyhere");
        assertThat(alert.summary()).isEqualTo("Example alert on host1.example.com");
        assertThat(alert.severity()).isEqualTo("info");
        assertThat(alert.impact()).isEqualTo(4);
        assertThat(alert.details()).isEqualTo("ping time: 1500ms\nload avg: 0.75");
        assertThat(alert.labels()).isEqualTo(Map.of(
                "ping time", "1500ms",
                "load avg", "0.75",
                "source", "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003",
                "component", "postgres",
                "group", "prod-datapipe",
                "class", "deploy"));
        assertThat(alert.links()).containsExactly(
                new AlertLink("Link text", "https://example.com/"),
                new AlertLink("Example text",
                        "https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png"),
                new AlertLink("Sample Monitoring Service", "https://monitoring.example.com"));
        assertThat(alert.startedAt()).isEqualTo(OffsetDateTime.of(2015, 7, 17, 8, 42, 58, 315_000_000, ZoneOffset.UTC));
    }

    @Test
    void generatesAUuidDedupKeyForATriggerWithoutOne() {
        ObjectNode event = payload("events-v2-trigger.json");
        event.remove("dedup_key");

        String first = format.parse(event, integration(TYPE)).get(0).dedupKey();
        String second = format.parse(event, integration(TYPE)).get(0).dedupKey();

        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void acknowledgesByDedupKey() {
        Alert alert = format.parse(payload("events-v2-acknowledge.json"), integration(TYPE)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(alert.dedupKey()).isEqualTo("dedupkeyhere");
        assertThat(alert.summary()).isEqualTo("Acknowledged: dedupkeyhere");
    }

    @Test
    void resolvesByDedupKey() {
        Alert alert = format.parse(payload("events-v2-resolve.json"), integration(TYPE)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alert.dedupKey()).isEqualTo("dedupkeyhere");
        assertThat(alert.summary()).isEqualTo("Resolved: dedupkeyhere");
    }

    @ParameterizedTest
    @CsvSource({"critical, 1", "error, 2", "warning, 3", "info, 4", "Critical, 1"})
    void mapsPagerDutySeveritiesToImpact(String severity, int impact) {
        ObjectNode event = payload("events-v2-trigger.json");
        ((ObjectNode) event.get("payload")).put("severity", severity);

        assertThat(format.parse(event, integration(TYPE)).get(0).impact()).isEqualTo(impact);
    }

    @Test
    void keepsNestedCustomDetailsAsJsonInTheDetailsButNotAsLabels() {
        ObjectNode event = payload("events-v2-trigger.json");
        ObjectNode custom = ((ObjectNode) event.get("payload")).putObject("custom_details");
        custom.put("queue", "billing").putObject("disk").put("free", "3%");
        custom.putNull("ignored");

        Alert alert = format.parse(event, integration(TYPE)).get(0);

        assertThat(alert.details()).isEqualTo("queue: billing\ndisk: {\"free\":\"3%\"}");
        assertThat(alert.labels()).containsEntry("queue", "billing").doesNotContainKeys("disk", "ignored");
    }

    @Test
    void takesCustomDetailsThatAreTextAsTheDetails() {
        ObjectNode event = payload("events-v2-trigger.json");
        ((ObjectNode) event.get("payload")).put("custom_details", "free text");

        assertThat(format.parse(event, integration(TYPE)).get(0).details()).isEqualTo("free text");
    }

    @Test
    void passesJapaneseTextThroughUnchanged() {
        ObjectNode event = payload("events-v2-trigger.json");
        ((ObjectNode) event.get("payload")).put("summary", "決済 API の応答が遅延しています")
                .putObject("custom_details").put("影響", "一部の決済が失敗");

        Alert alert = format.parse(event, integration(TYPE)).get(0);

        assertThat(alert.summary()).isEqualTo("決済 API の応答が遅延しています");
        assertThat(alert.details()).isEqualTo("影響: 一部の決済が失敗");
        assertThat(alert.labels()).containsEntry("影響", "一部の決済が失敗");
    }

    @Test
    void acceptsAnyNonBlankRoutingKey() {
        ObjectNode event = payload("events-v2-resolve.json").put("routing_key", "R0123");

        assertThat(format.parse(event, integration(TYPE))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEvents")
    void namesTheFirstMissingOrWrongField(String fixture, String field, Consumer<ObjectNode> breakIt) {
        ObjectNode event = payload(fixture);
        breakIt.accept(event);

        assertThatThrownBy(() -> format.parse(event, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo(field);
    }

    static Stream<Arguments> brokenEvents() {
        String trigger = "events-v2-trigger.json";
        return Stream.of(
                Arguments.of(trigger, "routing_key", remove("routing_key")),
                Arguments.of(trigger, "routing_key", (Consumer<ObjectNode>) e -> e.put("routing_key", " ")),
                Arguments.of(trigger, "event_action", remove("event_action")),
                Arguments.of(trigger, "event_action", (Consumer<ObjectNode>) e -> e.put("event_action", "snooze")),
                Arguments.of(trigger, "payload", remove("payload")),
                Arguments.of(trigger, "payload.summary", removeFromPayload("summary")),
                Arguments.of(trigger, "payload.source", removeFromPayload("source")),
                Arguments.of(trigger, "payload.severity", removeFromPayload("severity")),
                Arguments.of(trigger, "payload.severity",
                        (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("payload")).put("severity", "fatal")),
                Arguments.of(trigger, "payload.timestamp",
                        (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("payload")).put("timestamp", "last tuesday")),
                Arguments.of(trigger, "dedup_key",
                        (Consumer<ObjectNode>) e -> e.put("dedup_key", "k".repeat(256))),
                Arguments.of(trigger, "links[0].href",
                        (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("links").get(0)).remove("href")),
                Arguments.of(trigger, "images[0].src",
                        (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("images").get(0)).remove("src")),
                Arguments.of("events-v2-acknowledge.json", "dedup_key", remove("dedup_key")),
                Arguments.of("events-v2-resolve.json", "dedup_key", remove("dedup_key")));
    }

    private static Consumer<ObjectNode> remove(String field) {
        return event -> event.remove(field);
    }

    private static Consumer<ObjectNode> removeFromPayload(String field) {
        return event -> ((ObjectNode) event.get("payload")).remove(field);
    }
}
