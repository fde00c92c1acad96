package io.incidentflow.alert;

import static io.incidentflow.alert.Fixtures.integration;
import static io.incidentflow.alert.Fixtures.payload;
import static io.incidentflow.alert.Fixtures.perAlert;
import static io.incidentflow.alert.Fixtures.withDefaults;
import static io.incidentflow.alert.Fixtures.withTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

class AlertmanagerFormatTest {

    private static final IntegrationType TYPE = IntegrationType.ALERTMANAGER;
    private static final String GROUP_KEY = "{}/{severity=\"critical\"}:{alertname=\"ProbeFailure\"}";

    private final AlertmanagerFormat format = new AlertmanagerFormat();

    @Test
    void servesTheAlertmanagerIntegrationType() {
        assertThat(format.type()).isEqualTo(IntegrationType.ALERTMANAGER);
    }

    @Test
    void mapsAFiringAlertOfTheDocumentedPayload() {
        List<Alert> alerts = format.parse(payload("alertmanager-v4.json"), integration(TYPE));

        assertThat(alerts).hasSize(2);
        Alert alert = alerts.get(0);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.summary()).isEqualTo("BlackBox Probe Failure: https://shop.example.org");
        assertThat(alert.details()).isEqualTo("""
                Instance https://shop.example.org has been down for over 5m. Job: http_checks
                runbook_url: https://runbooks.example.org/probe-failure
                dashboard: shop-availability""");
        assertThat(alert.severity()).isEqualTo("critical");
        assertThat(alert.impact()).isEqualTo(1);
        assertThat(alert.labels()).isEqualTo(Map.of("alertname", "ProbeFailure",
                "instance", "https://shop.example.org", "job", "http_checks", "severity", "critical"));
        assertThat(alert.links()).containsExactly(
                new AlertLink("Prometheus",
                        "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1"),
                new AlertLink("Runbook", "https://runbooks.example.org/probe-failure"),
                new AlertLink("Alertmanager", "http://alertmanager.example.org:9093"));
        assertThat(alert.startedAt()).isEqualTo(OffsetDateTime.of(2023, 2, 6, 13, 8, 45, 828_000_000, ZoneOffset.UTC));
        assertThat(alert.eventId()).isEqualTo("1a30ba71cca2921f@2023-02-06T13:08:45.828Z:firing");
    }

    @Test
    void readsTheStatusOfEachAlertAndNamesAnUnannotatedAlertAfterAlertnameAndInstance() {
        Alert resolved = format.parse(payload("alertmanager-v4.json"), integration(TYPE)).get(1);

        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.summary()).isEqualTo("ProbeFailure (https://api.example.org)");
        assertThat(resolved.details()).isNull();
        assertThat(resolved.eventId()).isEqualTo("5c2b7a3e9d1f0a44@2023-02-06T12:58:45.828Z:resolved");
    }

    @Test
    void fallsBackToTheDescriptionForTheSummary() {
        ObjectNode payload = payload("alertmanager-v4.json");
        annotations(payload, 0).remove("summary");

        Alert alert = format.parse(payload, integration(TYPE)).get(0);

        assertThat(alert.summary())
                .isEqualTo("Instance https://shop.example.org has been down for over 5m. Job: http_checks");
    }

    @Test
    void groupsAllAlertsUnderTheGroupKeyByDefault() {
        List<Alert> alerts = format.parse(payload("alertmanager-v4.json"), integration(TYPE));

        assertThat(alerts).extracting(Alert::dedupKey).containsExactly(GROUP_KEY, GROUP_KEY);
    }

    @Test
    void usesEachAlertsFingerprintForAPerAlertIntegration() {
        List<Alert> alerts = format.parse(payload("alertmanager-v4.json"), perAlert(TYPE));

        assertThat(alerts).extracting(Alert::dedupKey).containsExactly("1a30ba71cca2921f", "5c2b7a3e9d1f0a44");
    }

    @Test
    void usesAStableHashOfTheSortedLabelsWhenTheFingerprintIsMissing() {
        ObjectNode payload = payload("alertmanager-japanese.json");
        String key = format.parse(payload, perAlert(TYPE)).get(0).dedupKey();

        ObjectNode reordered = payload("alertmanager-japanese.json");
        ObjectNode labels = (ObjectNode) reordered.at("/alerts/0/labels");
        ObjectNode reversed = Fixtures.JSON.createObjectNode();
        List<String> names = List.of("team", "severity", "mountpoint", "instance", "alertname");
        names.forEach(name -> reversed.set(name, labels.get(name)));
        ((ObjectNode) reordered.at("/alerts/0")).set("labels", reversed);
        ObjectNode otherInstance = payload("alertmanager-japanese.json");
        ((ObjectNode) otherInstance.at("/alerts/0/labels")).put("instance", "db-02.example.jp:9100");

        assertThat(key).matches("[0-9a-f]{16}");
        assertThat(format.parse(reordered, perAlert(TYPE)).get(0).dedupKey()).isEqualTo(key);
        assertThat(format.parse(otherInstance, perAlert(TYPE)).get(0).dedupKey()).isNotEqualTo(key);
        assertThat(format.parse(payload, perAlert(TYPE)).get(0).eventId())
                .isEqualTo(key + "@2024-05-01T09:30:00.123456789+09:00:firing");
    }

    @Test
    void letsTheIntegrationsDedupTemplateOverrideGroupAndFingerprint() {
        String template = "{{labels.alertname}}/{{labels.instance}}";
        Integration grouped = withTemplate(TYPE, template);
        Integration perAlertWithTemplate = new Integration(1L, "am", TYPE, true, null, null, null, null, null,
                true, false, template, null);

        assertThat(format.parse(payload("alertmanager-v4.json"), grouped)).extracting(Alert::dedupKey)
                .containsExactly("ProbeFailure/https://shop.example.org", "ProbeFailure/https://api.example.org");
        assertThat(format.parse(payload("alertmanager-v4.json"), perAlertWithTemplate)).extracting(Alert::dedupKey)
                .containsExactly("ProbeFailure/https://shop.example.org", "ProbeFailure/https://api.example.org");
    }

    @Test
    void templateCanUseAnnotations() {
        Alert alert = format.parse(payload("alertmanager-v4.json"),
                withTemplate(TYPE, "{{labels.job}}:{{annotations.runbook_url}}")).get(0);

        assertThat(alert.dedupKey()).isEqualTo("http_checks:https://runbooks.example.org/probe-failure");
    }

    @Test
    void fallsBackFromATemplateWithoutAnyValueToTheUsualKey() {
        List<Alert> alerts = format.parse(payload("alertmanager-v4.json"),
                withTemplate(TYPE, "{{labels.cluster}}/{{annotations.owner}}"));

        assertThat(alerts).extracting(Alert::dedupKey).containsExactly(GROUP_KEY, GROUP_KEY);
    }

    @Test
    void mapsTheSeverityLabelToImpact() {
        ObjectNode payload = payload("alertmanager-v4.json");
        labels(payload, 0).put("severity", "warning");
        labels(payload, 1).put("severity", "info");

        assertThat(format.parse(payload, integration(TYPE))).extracting(Alert::impact).containsExactly(3, 4);
    }

    @Test
    void usesTheIntegrationsDefaultImpactForMissingOrUnknownSeverity() {
        ObjectNode payload = payload("alertmanager-v4.json");
        labels(payload, 0).remove("severity");
        labels(payload, 1).put("severity", "sev9");

        List<Alert> alerts = format.parse(payload, withDefaults(TYPE, "Infrastructure", "Web shop", 4));

        assertThat(alerts).extracting(Alert::impact).containsExactly(4, 4);
        assertThat(alerts).extracting(Alert::severity).containsExactly(null, "sev9");
        assertThat(alerts).extracting(Alert::service).containsExactly("Web shop", "Web shop");
        assertThat(alerts).extracting(Alert::category).containsExactly("Infrastructure", "Infrastructure");
    }

    @Test
    void takesTheServiceFromAServiceLabel() {
        ObjectNode payload = payload("alertmanager-v4.json");
        labels(payload, 0).put("service", "checkout");

        assertThat(format.parse(payload, withDefaults(TYPE, null, "Web shop", null)))
                .extracting(Alert::service).containsExactly("checkout", "Web shop");
    }

    @Test
    void passesJapaneseTextThroughUnchanged() {
        Alert alert = format.parse(payload("alertmanager-japanese.json"), integration(TYPE)).get(0);

        assertThat(alert.summary()).isEqualTo("db-01 のディスク使用率が 90% を超えました");
        assertThat(alert.details()).isEqualTo("/var/lib/postgresql の空き容量が残り 10% です。\n古い WAL を確認してください。");
        assertThat(alert.labels()).containsEntry("team", "基盤チーム");
        assertThat(alert.startedAt())
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 123_456_789, ZoneOffset.ofHours(9)));
    }

    @Test
    void recognisesANotificationSentAgainByItsEventId() {
        List<Alert> first = format.parse(payload("alertmanager-v4.json"), integration(TYPE));
        List<Alert> again = format.parse(payload("alertmanager-v4.json"), integration(TYPE));
        ObjectNode resolvedLater = payload("alertmanager-v4.json");
        alert(resolvedLater, 0).put("status", "resolved");

        assertThat(again).extracting(Alert::eventId).isEqualTo(first.stream().map(Alert::eventId).toList());
        assertThat(format.parse(resolvedLater, integration(TYPE)).get(0).eventId())
                .isNotEqualTo(first.get(0).eventId());
    }

    @Test
    void cutsALongSummaryTo200CharactersAndKeepsTheFullTextInTheDetails() {
        ObjectNode payload = payload("alertmanager-v4.json");
        String longSummary = "ディスク".repeat(60) + "\nsecond line";
        annotations(payload, 0).put("summary", longSummary);

        Alert alert = format.parse(payload, integration(TYPE)).get(0);

        assertThat(alert.summary()).hasSize(200).endsWith("…").startsWith("ディスクディスク").doesNotContain("\n");
        assertThat(alert.details()).startsWith(longSummary + "\nInstance https://shop.example.org");
    }

    @Test
    void keepsOnlyWebLinks() {
        ObjectNode payload = payload("alertmanager-v4.json");
        annotations(payload, 0).put("runbook_url", "javascript:alert(1)");
        alert(payload, 0).put("generatorURL", "/graph?g0.expr=up");

        assertThat(format.parse(payload, integration(TYPE)).get(0).links())
                .containsExactly(new AlertLink("Alertmanager", "http://alertmanager.example.org:9093"));
    }

    @Test
    void toleratesUnknownFields() {
        ObjectNode payload = payload("alertmanager-v4.json");
        payload.putObject("x-future").put("anything", 1);
        alert(payload, 0).putArray("silencedBy").add("abc");

        assertThat(format.parse(payload, integration(TYPE))).hasSize(2);
    }

    @Test
    void givesNoAlertsForAnEmptyGroup() {
        ObjectNode payload = payload("alertmanager-v4.json");
        payload.putArray("alerts");

        assertThat(format.parse(payload, integration(TYPE))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPayloads")
    void namesTheFirstMissingOrWrongField(String field, Consumer<ObjectNode> breakIt) {
        ObjectNode payload = payload("alertmanager-v4.json");
        breakIt.accept(payload);

        assertThatThrownBy(() -> format.parse(payload, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo(field);
    }

    static Stream<Arguments> brokenPayloads() {
        return Stream.of(
                broken("version", p -> p.put("version", "3")),
                broken("version", p -> p.remove("version")),
                broken("alerts", p -> p.remove("alerts")),
                broken("alerts", p -> p.put("alerts", "none")),
                broken("alerts[1]", p -> ((ArrayNode) p.get("alerts")).set(1, p.textNode("x"))),
                broken("alerts[1].labels", p -> alert(p, 1).remove("labels")),
                broken("alerts[0].labels", p -> alert(p, 0).put("labels", "alertname=x")),
                broken("alerts[0].labels.instance", p -> labels(p, 0).putObject("instance")),
                broken("alerts[1].status", p -> alert(p, 1).put("status", "pending")),
                broken("alerts[0].status", p -> alert(p, 0).remove("status")),
                broken("alerts[0].annotations", p -> alert(p, 0).putArray("annotations")),
                broken("alerts[0].startsAt", p -> alert(p, 0).put("startsAt", "yesterday")),
                broken("groupKey", p -> p.remove("groupKey")));
    }

    @Test
    void rejectsAPayloadThatIsNotAnObject() {
        assertThatThrownBy(() -> format.parse(Fixtures.JSON.createArrayNode(), integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("$");
    }

    private static Arguments broken(String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, breakIt);
    }

    static ObjectNode alert(ObjectNode payload, int index) {
        return (ObjectNode) payload.get("alerts").get(index);
    }

    static ObjectNode labels(ObjectNode payload, int index) {
        return (ObjectNode) alert(payload, index).get("labels");
    }

    static ObjectNode annotations(ObjectNode payload, int index) {
        return (ObjectNode) alert(payload, index).get("annotations");
    }
}
