package io.incidentflow.alert;

import static io.incidentflow.alert.Fixtures.integration;
import static io.incidentflow.alert.Fixtures.payload;
import static io.incidentflow.alert.Fixtures.withDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.integration.IntegrationType;

class ZabbixFormatTest {

    private static final IntegrationType TYPE = IntegrationType.ZABBIX;

    private final ZabbixFormat format = new ZabbixFormat();

    @Test
    void servesTheZabbixIntegrationType() {
        assertThat(format.type()).isEqualTo(IntegrationType.ZABBIX);
    }

    @Test
    void mapsAProblemWithJapaneseTextIntact() {
        Alert alert = format.parse(payload("zabbix-problem.json"), integration(TYPE)).get(0);

        assertThat(alert.dedupKey()).isEqualTo("4711");
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.summary()).isEqualTo("web-01 の CPU 使用率が高い (5分間 90% 超)");
        assertThat(alert.details()).isEqualTo("""
                Problem started at 09:30:00 on 2024.05.01
                Problem name: web-01 の CPU 使用率が高い (5分間 90% 超)
                Host: web-01
                Severity: High
                Operational data: 95.2 %
                Original problem ID: 4711""");
        assertThat(alert.severity()).isEqualTo("High");
        assertThat(alert.impact()).isEqualTo(2);
        assertThat(alert.labels()).isEqualTo(Map.of(
                "scope", "performance,capacity",
                "component", "cpu",
                "担当", "基盤チーム",
                "host", "web-01",
                "host_ip", "192.0.2.10",
                "trigger_id", "20593"));
        assertThat(alert.startedAt()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.ofHours(9)));
        assertThat(alert.links()).containsExactly(
                new AlertLink("Zabbix event", "https://zabbix.example.jp/tr_events.php?triggerid=20593&eventid=4711"),
                new AlertLink("Zabbix", "https://zabbix.example.jp/"));
        assertThat(alert.eventId()).isEqualTo("zabbix:4711:problem");
    }

    @Test
    void resolvesTheProblemOnRecoveryUnderTheSameKey() {
        Alert alert = format.parse(payload("zabbix-recovery.json"), integration(TYPE)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alert.dedupKey()).isEqualTo("4711");
        assertThat(alert.summary()).isEqualTo("web-01 の CPU 使用率が高い (5分間 90% 超)");
        assertThat(alert.eventId()).isEqualTo("zabbix:4711:recovery:4790");
    }

    @Test
    void treatsAnUpdateOfAnAcknowledgedProblemAsAcknowledgement() {
        ObjectNode update = payload("zabbix-problem.json").put("event_update_status", "1")
                .put("event_ack_status", "Yes").put("event_update_date", "2024.05.01")
                .put("event_update_time", "09:41:07");

        Alert alert = format.parse(update, integration(TYPE)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(alert.dedupKey()).isEqualTo("4711");
        assertThat(alert.eventId()).isEqualTo("zabbix:4711:update:2024.05.01:09:41:07");
    }

    @Test
    void keepsAnUnacknowledgedUpdateFiring() {
        ObjectNode update = payload("zabbix-problem.json").put("event_update_status", "1");

        assertThat(format.parse(update, integration(TYPE)).get(0).status()).isEqualTo(AlertStatus.FIRING);
    }

    @ParameterizedTest
    @CsvSource({"Not classified, 5", "Information, 4", "Warning, 3", "Average, 3", "High, 2", "Disaster, 1"})
    void mapsZabbixSeverityNamesToImpact(String severity, int impact) {
        ObjectNode problem = payload("zabbix-problem.json").put("severity", severity);
        problem.remove("severity_id");

        assertThat(format.parse(problem, integration(TYPE)).get(0).impact()).isEqualTo(impact);
    }

    @ParameterizedTest
    @CsvSource({"0, 5", "1, 4", "2, 3", "3, 3", "4, 2", "5, 1"})
    void prefersTheNumericSeverityWhichSurvivesRenamedSeverities(String severityId, int impact) {
        ObjectNode problem = payload("zabbix-problem.json").put("severity", "緊急").put("severity_id", severityId);

        assertThat(format.parse(problem, integration(TYPE)).get(0).impact()).isEqualTo(impact);
    }

    @Test
    void usesTheIntegrationsDefaultImpactWithoutAKnownSeverity() {
        ObjectNode problem = payload("zabbix-problem.json").put("severity", "緊急");
        problem.remove("severity_id");

        assertThat(format.parse(problem, withDefaults(TYPE, null, null, 3)).get(0).impact()).isEqualTo(3);
    }

    @Test
    void readsTheEventTimeAsUtcWithoutATimeZone() {
        ObjectNode problem = payload("zabbix-problem.json");
        problem.remove("event_tz");

        assertThat(format.parse(problem, integration(TYPE)).get(0).startedAt())
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void acceptsAnOffsetAsTimeZone() {
        ObjectNode problem = payload("zabbix-problem.json").put("event_tz", "+05:30");

        assertThat(format.parse(problem, integration(TYPE)).get(0).startedAt())
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
    }

    @Test
    void readsTagsStillInTheirJsonStringAsZabbixSubstitutesThem() {
        ObjectNode problem = payload("zabbix-problem.json")
                .put("tags", "[{\"tag\":\"scope\",\"value\":\"availability\"},{\"tag\":\"環境\",\"value\":\"本番\"}]");

        assertThat(format.parse(problem, integration(TYPE)).get(0).labels())
                .containsEntry("scope", "availability").containsEntry("環境", "本番");
    }

    @Test
    void treatsUnresolvedMacrosAsAbsent() {
        ObjectNode problem = payload("zabbix-problem.json").put("tags", "{EVENT.TAGSJSON}")
                .put("zabbix_url", "{$ZABBIX.URL}").put("host_ip", "{HOST.IP}")
                .put("recovery_event_id", "{EVENT.RECOVERY.ID}").put("event_value", "0");

        Alert alert = format.parse(problem, integration(TYPE)).get(0);

        assertThat(alert.labels()).isEqualTo(Map.of("host", "web-01", "trigger_id", "20593"));
        assertThat(alert.links()).isEmpty();
        assertThat(alert.eventId()).isEqualTo("zabbix:4711:recovery");
    }

    @Test
    void prefersAnExplicitEventUrl() {
        ObjectNode problem = payload("zabbix-problem.json").put("event_url", "https://zabbix.example.jp/e/4711");

        assertThat(format.parse(problem, integration(TYPE)).get(0).links()).first()
                .isEqualTo(new AlertLink("Zabbix event", "https://zabbix.example.jp/e/4711"));
    }

    @Test
    void fallsBackToTheSubjectForTheSummary() {
        ObjectNode problem = payload("zabbix-problem.json");
        problem.remove("trigger_name");

        assertThat(format.parse(problem, integration(TYPE)).get(0).summary())
                .isEqualTo("Problem: web-01 の CPU 使用率が高い (5分間 90% 超)");
    }

    @Test
    void acceptsNumbersWhereZabbixSendsText() {
        ObjectNode problem = payload("zabbix-problem.json").put("event_id", 4711).put("event_value", 1);

        assertThat(format.parse(problem, integration(TYPE)).get(0).dedupKey()).isEqualTo("4711");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPayloads")
    void namesTheFirstMissingOrWrongField(String field, Consumer<ObjectNode> breakIt) {
        ObjectNode problem = payload("zabbix-problem.json");
        breakIt.accept(problem);

        assertThatThrownBy(() -> format.parse(problem, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo(field);
    }

    static Stream<Arguments> brokenPayloads() {
        return Stream.of(
                broken("event_id", p -> p.remove("event_id")),
                broken("event_id", p -> p.put("event_id", "{EVENT.ID}")),
                broken("event_value", p -> p.remove("event_value")),
                broken("event_value", p -> p.put("event_value", "PROBLEM")),
                broken("trigger_name", p -> p.remove(java.util.List.of("trigger_name", "subject"))),
                broken("severity_id", p -> p.put("severity_id", "9")),
                broken("event_date", p -> p.put("event_date", "2024-05-01")),
                broken("event_date", p -> p.remove("event_date")),
                broken("event_time", p -> p.put("event_time", "9:30")),
                broken("event_tz", p -> p.put("event_tz", "Mars/Olympus")),
                broken("tags", p -> p.put("tags", "scope:performance")),
                broken("tags[1].tag", p -> ((ObjectNode) p.get("tags").get(1)).remove("tag")),
                broken("tags[0]", p -> p.withArray("tags").set(0, p.textNode("scope"))));
    }

    private static Arguments broken(String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, breakIt);
    }
}
