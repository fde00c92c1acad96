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

class GenericFormatTest {

    private static final IntegrationType TYPE = IntegrationType.GENERIC;

    private final GenericFormat format = new GenericFormat();

    @Test
    void servesTheGenericIntegrationType() {
        assertThat(format.type()).isEqualTo(IntegrationType.GENERIC);
    }

    @Test
    void mapsEveryFieldOfTheDocumentedExampleWithJapaneseTextIntact() {
        Alert alert = format.parse(payload("generic-alert.json"), integration(TYPE)).get(0);

        assertThat(alert).isEqualTo(new Alert(
                "batch/nightly-billing/2024-05-01",
                AlertStatus.FIRING,
                "夜間バッチ「請求締め」が失敗しました",
                "ジョブ billing-close が終了コード 3 で停止しました。\n再実行の前に経理チームへ連絡してください。",
                "high",
                2,
                "請求システム",
                "Batch",
                Map.of("job", "billing-close", "environment", "production", "担当", "経理システム課"),
                java.util.List.of(new AlertLink("ジョブのログ", "https://jobs.example.jp/billing-close/2024-05-01"),
                        new AlertLink("Runbook", "https://runbooks.example.jp/billing-close")),
                OffsetDateTime.of(2024, 5, 1, 2, 15, 0, 0, ZoneOffset.ofHours(9)),
                "billing-close-run-8812"));
    }

    @Test
    void needsOnlyDedupKeyAndSummaryAndTakesTheRestFromTheIntegration() {
        ObjectNode payload = Fixtures.parseJson("{\"dedupKey\": \"k1\", \"summary\": \"Backup failed\"}");

        Alert alert = format.parse(payload, withDefaults(TYPE, "Storage", "Backup", 3)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.impact()).isEqualTo(3);
        assertThat(alert.category()).isEqualTo("Storage");
        assertThat(alert.service()).isEqualTo("Backup");
        assertThat(alert.details()).isNull();
        assertThat(alert.labels()).isEmpty();
        assertThat(alert.links()).isEmpty();
        assertThat(alert.startedAt()).isNull();
        assertThat(alert.eventId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"firing, FIRING", "resolved, RESOLVED", "acknowledged, ACKNOWLEDGED", "Resolved, RESOLVED"})
    void readsTheStatus(String status, AlertStatus expected) {
        ObjectNode payload = payload("generic-alert.json").put("status", status);

        assertThat(format.parse(payload, integration(TYPE)).get(0).status()).isEqualTo(expected);
    }

    @Test
    void takesImpactFromTheSeverityWordWhenNotGiven() {
        ObjectNode payload = payload("generic-alert.json").put("severity", "warning");
        payload.remove("impact");

        assertThat(format.parse(payload, withDefaults(TYPE, null, null, 5)).get(0).impact()).isEqualTo(3);
    }

    @Test
    void explicitImpactWinsOverTheSeverityWord() {
        ObjectNode payload = payload("generic-alert.json").put("severity", "critical").put("impact", 4);

        assertThat(format.parse(payload, integration(TYPE)).get(0).impact()).isEqualTo(4);
    }

    @Test
    void toleratesUnknownFields() {
        ObjectNode payload = payload("generic-alert.json");
        payload.putObject("source").put("tool", "cron");

        assertThat(format.parse(payload, integration(TYPE))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPayloads")
    void namesTheFirstMissingOrWrongField(String field, Consumer<ObjectNode> breakIt) {
        ObjectNode payload = payload("generic-alert.json");
        breakIt.accept(payload);

        assertThatThrownBy(() -> format.parse(payload, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo(field);
    }

    static Stream<Arguments> brokenPayloads() {
        return Stream.of(
                broken("dedupKey", p -> p.remove("dedupKey")),
                broken("dedupKey", p -> p.put("dedupKey", "  ")),
                broken("dedupKey", p -> p.putObject("dedupKey")),
                broken("summary", p -> p.remove("summary")),
                broken("status", p -> p.put("status", "open")),
                broken("impact", p -> p.put("impact", 0)),
                broken("impact", p -> p.put("impact", 6)),
                broken("impact", p -> p.put("impact", "high")),
                broken("impact", p -> p.put("impact", 2.5)),
                broken("labels", p -> p.putArray("labels")),
                broken("labels.job", p -> ((ObjectNode) p.get("labels")).putArray("job")),
                broken("links", p -> p.put("links", "https://example.org")),
                broken("links[1]", p -> p.withArray("links").set(1, p.textNode("https://example.org"))),
                broken("links[1].href", p -> ((ObjectNode) p.get("links").get(1)).remove("href")),
                broken("links[0].href", p -> ((ObjectNode) p.get("links").get(0)).put("href", "javascript:alert(1)")),
                broken("startedAt", p -> p.put("startedAt", "2024-05-01 02:15")));
    }

    private static Arguments broken(String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, breakIt);
    }
}
