package io.incidentflow.notification;

import static io.incidentflow.notification.NotificationFixtures.ACK_URL;
import static io.incidentflow.notification.NotificationFixtures.OPENED;
import static io.incidentflow.notification.NotificationFixtures.activation;
import static io.incidentflow.notification.NotificationFixtures.channel;
import static io.incidentflow.notification.NotificationFixtures.hanako;
import static io.incidentflow.notification.NotificationFixtures.opened;
import static io.incidentflow.notification.NotificationFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack, Teams and the generic webhook against a local HTTP server: the exact JSON that arrives, Japanese
 * included, and what counts as a failure. A short template keeps the expected payloads readable.
 */
class ChatNotifiersTest {

    static final String SECRET_PATH = "/services/T0001/B0001/s3cr3tT0k3n";
    static final IncidentSummary INCIDENT = new IncidentSummary("INC-000042", "ディスク容量不足 <db01> & \"web\"", 1,
            "基幹DB");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path templates;
    LocalHttpServer server;
    MessageTemplates messages;
    HttpSender http;

    @BeforeEach
    void startServerWithShortTemplates() throws IOException {
        server = new LocalHttpServer();
        Files.writeString(templates.resolve("incident-opened.ja.txt"), """
                Subject: 【障害】{{incident.number}} {{incident.title}}

                {{contact.name}} さん
                応答: {{ackUrl}}
                """, StandardCharsets.UTF_8);
        messages = new MessageTemplates(properties(templates.toString()));
        http = new HttpSender(properties(templates.toString()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void slackGetsItsTextWithJapaneseAsIsAndItsThreeCharactersEscaped() {
        DeliveryResult result = new SlackNotifier(messages, http, JSON).send(opened(hanako(null), INCIDENT),
                target(ChannelType.SLACK));

        assertThat(result).isEqualTo(DeliveryResult.sent("HTTP 200"));
        LocalHttpServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(SECRET_PATH);
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.text()).isEqualTo("{\"text\":\"【障害】INC-000042 ディスク容量不足 &lt;db01&gt; &amp; \\\"web\\\""
                + "\\n\\n山田 花子 さん\\n応答: " + ACK_URL + "\"}");
    }

    @Test
    void teamsGetsAnAdaptiveCardWithOneBlockPerLineAndAnAcknowledgeButton() {
        DeliveryResult result = new TeamsNotifier(messages, http, JSON).send(opened(hanako(null), INCIDENT),
                target(ChannelType.TEAMS));

        assertThat(result.sent()).isTrue();
        assertThat(server.only().text()).isEqualTo("{\"type\":\"message\",\"attachments\":[{"
                + "\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":{"
                + "\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\",\"type\":\"AdaptiveCard\","
                + "\"version\":\"1.4\",\"body\":["
                + "{\"type\":\"TextBlock\",\"text\":\"【障害】INC-000042 ディスク容量不足 <db01> & \\\"web\\\"\","
                + "\"weight\":\"Bolder\",\"size\":\"Medium\",\"wrap\":true},"
                + "{\"type\":\"TextBlock\",\"text\":\"山田 花子 さん\",\"wrap\":true},"
                + "{\"type\":\"TextBlock\",\"text\":\"応答: " + ACK_URL + "\",\"wrap\":true}],"
                + "\"actions\":[{\"type\":\"Action.OpenUrl\",\"title\":\"応答する\",\"url\":\"" + ACK_URL + "\"}]}}]}");
    }

    @Test
    void theGenericWebhookGetsTheDocumentedPayload() {
        DeliveryResult result = new WebhookNotifier(messages, http, JSON).send(opened(hanako(null), INCIDENT),
                target(ChannelType.WEBHOOK));

        assertThat(result.sent()).isTrue();
        assertThat(server.only().text()).isEqualTo("{\"event\":\"incident.opened\","
                + "\"contact\":{\"id\":\"hanako\",\"name\":\"山田 花子\"},"
                + "\"incident\":{\"number\":\"INC-000042\",\"title\":\"ディスク容量不足 <db01> & \\\"web\\\"\","
                + "\"priority\":1,\"service\":\"基幹DB\"},"
                + "\"at\":\"" + OPENED.toInstant() + "\",\"ackUrl\":\"" + ACK_URL + "\","
                + "\"subject\":\"【障害】INC-000042 ディスク容量不足 <db01> & \\\"web\\\"\","
                + "\"text\":\"山田 花子 さん\\n応答: " + ACK_URL + "\"}");
    }

    @Test
    void anActivationCodeReachesTheWebhookWithoutIncident() throws IOException {
        new WebhookNotifier(messages, http, JSON).send(activation(hanako(null), "042917"), target(ChannelType.WEBHOOK));

        JsonNode payload = JSON.readTree(server.only().body());
        assertThat(payload.get("event").asText()).isEqualTo("contact.activation-code");
        assertThat(payload.get("code").asText()).isEqualTo("042917");
        assertThat(payload.has("incident")).isFalse();
        assertThat(payload.get("subject").asText()).isEqualTo("incidentflow 確認コード: 042917");
    }

    @Test
    void anAnswerOtherThan2xxIsAFailureThatShowsTheAnswerButNotTheSecretUrl() {
        server.answer(404, "no_service");

        for (NotificationChannel notifier : List.of(new SlackNotifier(messages, http, JSON),
                new TeamsNotifier(messages, http, JSON), new WebhookNotifier(messages, http, JSON))) {
            DeliveryResult result = notifier.send(opened(hanako(null), INCIDENT), target(notifier.type()));

            assertThat(result.sent()).isFalse();
            assertThat(result.detail()).isEqualTo("HTTP 404 from " + server.url("/…") + ": no_service")
                    .doesNotContain("s3cr3t");
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.answer(302, "");

        DeliveryResult result = new SlackNotifier(messages, http, JSON).send(opened(hanako(null), INCIDENT),
                target(ChannelType.SLACK));

        assertThat(result.detail()).startsWith("HTTP 302 from ");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsAFailure() {
        server.delay(Duration.ofSeconds(3));

        long started = System.nanoTime();
        DeliveryResult result = new SlackNotifier(messages, http, JSON).send(opened(hanako(null), INCIDENT),
                target(ChannelType.SLACK));

        assertThat(result.sent()).isFalse();
        assertThat(result.detail()).contains("HttpTimeoutException").doesNotContain("s3cr3t");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUnreachableServerIsAFailure() {
        server.close();

        DeliveryResult result = new WebhookNotifier(messages, http, JSON).send(opened(hanako(null), INCIDENT),
                target(ChannelType.WEBHOOK));

        assertThat(result.sent()).isFalse();
        assertThat(result.detail()).startsWith("POST " + server.url("/…") + " failed: ConnectException");
    }

    ContactChannel target(ChannelType type) {
        return channel(type, server.url(SECRET_PATH));
    }
}
