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

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.integration.IntegrationType;

class GrafanaFormatTest {

    private static final IntegrationType TYPE = IntegrationType.GRAFANA;

    private final GrafanaFormat format = new GrafanaFormat();

    @Test
    void servesTheGrafanaIntegrationType() {
        assertThat(format.type()).isEqualTo(IntegrationType.GRAFANA);
    }

    @Test
    void mapsEachAlertOfTheDocumentedPayload() {
        List<Alert> alerts = format.parse(payload("grafana-webhook.json"), integration(TYPE));

        assertThat(alerts).hasSize(2);
        Alert alert = alerts.get(0);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.summary()).isEqualTo("This alert was triggered for zone us-1");
        assertThat(alert.details()).isEqualTo("""
                The system has high memory usage
                runbook_url: https://myrunbook.com/runbook/1234
                values: B=44.23943737541908, C=1""");
        assertThat(alert.labels()).isEqualTo(Map.of("alertname", "High memory usage", "team", "blue", "zone", "us-1"));
        assertThat(alert.startedAt())
                .isEqualTo(OffsetDateTime.of(2021, 10, 12, 9, 51, 3, 157_076_000, ZoneOffset.ofHours(2)));
        assertThat(alert.eventId()).isEqualTo("c6eadffa33fcdf37@2021-10-12T09:51:03.157076+02:00:firing");
        assertThat(alerts.get(1).summary()).isEqualTo("This alert was triggered for zone eu-1");
    }

    @Test
    void linksRuleRunbookSilenceAndGrafanaButNotEmptyDashboardUrls() {
        Alert alert = format.parse(payload("grafana-webhook.json"), integration(TYPE)).get(0);

        assertThat(alert.links()).containsExactly(
                new AlertLink("Alert rule", "https://play.grafana.org/alerting/1afz29v7z/edit"),
                new AlertLink("Runbook", "https://myrunbook.com/runbook/1234"),
                new AlertLink("Silence", "https://play.grafana.org/alerting/silence/new?alertmanager=grafana"
                        + "&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1"),
                new AlertLink("Grafana", "https://play.grafana.org/"));
    }

    @Test
    void linksDashboardPanelAndImageWhenGiven() {
        ObjectNode payload = payload("grafana-webhook.json");
        alert(payload, 0).put("dashboardURL", "https://play.grafana.org/d/abc")
                .put("panelURL", "https://play.grafana.org/d/abc?viewPanel=2")
                .put("imageURL", "https://images.example.org/shot.png");

        assertThat(format.parse(payload, integration(TYPE)).get(0).links()).extracting(AlertLink::text)
                .containsExactly("Dashboard", "Panel", "Alert rule", "Runbook", "Silence", "Image", "Grafana");
    }

    @Test
    void groupsUnderTheGroupKeyOrSplitsByFingerprintOrTemplate() {
        assertThat(format.parse(payload("grafana-webhook.json"), integration(TYPE)))
                .extracting(Alert::dedupKey).containsExactly("{}:{}", "{}:{}");
        assertThat(format.parse(payload("grafana-webhook.json"), perAlert(TYPE)))
                .extracting(Alert::dedupKey).containsExactly("c6eadffa33fcdf37", "bc97ff14869b13e3");
        assertThat(format.parse(payload("grafana-webhook.json"), withTemplate(TYPE, "{{labels.team}}-{{labels.zone}}")))
                .extracting(Alert::dedupKey).containsExactly("blue-us-1", "blue-eu-1");
    }

    @Test
    void readsResolvedAlerts() {
        ObjectNode payload = payload("grafana-webhook.json");
        payload.put("status", "resolved");
        alert(payload, 1).put("status", "resolved").put("endsAt", "2021-10-12T10:06:03.157076+02:00");

        assertThat(format.parse(payload, integration(TYPE))).extracting(Alert::status)
                .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void mapsASeverityLabelToImpactElseTheIntegrationsDefault() {
        ObjectNode payload = payload("grafana-webhook.json");
        labels(payload, 0).put("severity", "critical");

        assertThat(format.parse(payload, withDefaults(TYPE, null, null, 3))).extracting(Alert::impact)
                .containsExactly(1, 3);
    }

    @Test
    void passesJapaneseTextThroughUnchanged() {
        ObjectNode payload = payload("grafana-webhook.json");
        ((ObjectNode) alert(payload, 0).get("annotations")).put("summary", "メモリ使用率が高い (ゾーン us-1)")
                .put("description", "空きメモリが 5% 未満です。");
        labels(payload, 0).put("担当", "インフラ");

        Alert alert = format.parse(payload, integration(TYPE)).get(0);

        assertThat(alert.summary()).isEqualTo("メモリ使用率が高い (ゾーン us-1)");
        assertThat(alert.details()).startsWith("空きメモリが 5% 未満です。\n");
        assertThat(alert.labels()).containsEntry("担当", "インフラ");
    }

    @Test
    void rejectsALegacyOrUnknownPayloadVersion() {
        ObjectNode legacy = Fixtures.parseJson("""
                {"title": "[Alerting] Test notification", "ruleId": 0, "ruleName": "Test notification",
                 "state": "alerting", "evalMatches": [], "message": "Someone is testing"}""");
        ObjectNode otherVersion = payload("grafana-webhook.json").put("version", "4");

        for (ObjectNode payload : List.of(legacy, otherVersion)) {
            assertThatThrownBy(() -> format.parse(payload, integration(TYPE)))
                    .isInstanceOf(AlertFormatException.class)
                    .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("version");
        }
    }

    @Test
    void namesTheAlertWithoutLabels() {
        ObjectNode payload = payload("grafana-webhook.json");
        alert(payload, 1).remove("labels");

        assertThatThrownBy(() -> format.parse(payload, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("alerts[1].labels");
    }

    @Test
    void namesValuesThatAreNotAnObject() {
        ObjectNode payload = payload("grafana-webhook.json");
        alert(payload, 0).put("values", "B=1");

        assertThatThrownBy(() -> format.parse(payload, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("alerts[0].values");
    }

    private static ObjectNode alert(ObjectNode payload, int index) {
        return (ObjectNode) payload.get("alerts").get(index);
    }

    private static ObjectNode labels(ObjectNode payload, int index) {
        return (ObjectNode) alert(payload, index).get("labels");
    }
}
