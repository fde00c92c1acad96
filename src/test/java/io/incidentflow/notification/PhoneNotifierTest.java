package io.incidentflow.notification;

import static io.incidentflow.notification.NotificationFixtures.activation;
import static io.incidentflow.notification.NotificationFixtures.channel;
import static io.incidentflow.notification.NotificationFixtures.hanako;
import static io.incidentflow.notification.NotificationFixtures.john;
import static io.incidentflow.notification.NotificationFixtures.opened;
import static io.incidentflow.notification.NotificationFixtures.properties;
import static io.incidentflow.notification.NotificationFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import io.incidentflow.contact.ChannelType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SMS and voice through the HTTP provider, configured as docs/notifications.md shows for Twilio, a JSON gateway
 * and a modem service, against a local HTTP server.
 */
class PhoneNotifierTest {

    static final String TO = "+819012345678";
    static final String SUBJECT = "【インシデント】INC-000042 ディスク容量不足 db01（本番）";

    LocalHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void twilioGetsAFormWithTheSubjectLineAsTextAndItsBasicAuthorization() {
        NotificationProperties.PhoneProvider twilio = provider(
                server.url("/2010-04-01/Accounts/AC0001/Messages.json"), "POST",
                Map.of("Authorization", "Basic QUMwMDAxOnRva2Vu"), "application/x-www-form-urlencoded",
                "To={{to}}&From=%2B15005550006&Body={{text}}");

        DeliveryResult result = sms(twilio).send(opened(hanako(null)), channel(ChannelType.SMS, TO));

        assertThat(result).isEqualTo(DeliveryResult.sent("HTTP 200"));
        LocalHttpServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/2010-04-01/Accounts/AC0001/Messages.json");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Basic QUMwMDAxOnRva2Vu");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.text()).isEqualTo("To=%2B819012345678&From=%2B15005550006&Body="
                + URLEncoder.encode(SUBJECT, StandardCharsets.UTF_8));
        assertThat(form(request.text())).containsEntry("Body", SUBJECT).containsEntry("To", TO);
    }

    @Test
    void aJsonGatewayGetsTheValuesJsonEscapedInsideTheTemplatesQuotes() {
        NotificationProperties.PhoneProvider gateway = provider(server.url("/sms"), "POST", Map.of(),
                "application/json", "{\"to\": \"{{to}}\", \"message\": \"{{text}}\", \"lang\": \"{{language}}\"}");
        IncidentSummary quoted = new IncidentSummary("INC-000042", "\"db01\" \\ 停止", 1, null);

        sms(gateway).send(opened(hanako(null), quoted), channel(ChannelType.SMS, TO));

        assertThat(server.only().text()).isEqualTo("{\"to\": \"+819012345678\", "
                + "\"message\": \"【インシデント】INC-000042 \\\"db01\\\" \\\\ 停止\", \"lang\": \"ja-JP\"}");
    }

    @Test
    void aModemServiceGetsAGetWithTheValuesInTheQuery() {
        NotificationProperties.PhoneProvider modem = provider(server.url("/send?to={{to}}&text={{text}}"), "GET",
                Map.of(), "application/x-www-form-urlencoded", null);

        sms(modem).send(opened(john()), channel(ChannelType.SMS, "+12125550123"));

        LocalHttpServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.body()).isEmpty();
        assertThat(request.pathAndQuery()).isEqualTo("/send?to=%2B12125550123&text="
                + URLEncoder.encode("[Incident] INC-000042 ディスク容量不足 db01（本番）", StandardCharsets.UTF_8));
    }

    @Test
    void aVoiceCallGetsTwimlWithTheCodeDigitByDigitInJapanese() {
        NotificationProperties.PhoneProvider twilio = provider(server.url("/2010-04-01/Accounts/AC0001/Calls.json"),
                "POST", Map.of(), "application/x-www-form-urlencoded",
                "To={{to}}&From=%2B15005550006&Twiml=%3CResponse%3E%3CSay%20language%3D%22{{language}}%22%3E{{textXml}}"
                        + "%3C%2FSay%3E%3C%2FResponse%3E");

        voice(twilio).send(activation(hanako(null), "042917"), channel(ChannelType.VOICE, TO));

        assertThat(form(server.only().text())).containsEntry("Twiml", "<Response><Say language=\"ja-JP\">"
                + "インシデントフローの確認コードをお知らせします。0 4 2 9 1 7。繰り返します。0 4 2 9 1 7。</Say></Response>");
    }

    @Test
    void textInsideTwimlIsXmlEscaped() {
        NotificationProperties.PhoneProvider twilio = provider(server.url("/Calls.json"), "POST", Map.of(),
                "application/x-www-form-urlencoded", "Twiml=%3CSay%3E{{textXml}}%3C%2FSay%3E");
        IncidentSummary incident = new IncidentSummary("INC-000042", "<db01> & 'web'", 1, null);

        voice(twilio).send(opened(hanako(null), incident), channel(ChannelType.VOICE, TO));

        assertThat(form(server.only().text()).get("Twiml"))
                .contains("&lt;db01&gt; &amp; &apos;web&apos;").doesNotContain("<db01>");
    }

    @Test
    void aRefusalIsAFailureShowingTheProvidersAnswerAndAMaskedNumber() {
        server.answer(400, "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\"}");
        NotificationProperties.PhoneProvider twilio = provider(server.url("/Messages.json"), "POST", Map.of(),
                "application/x-www-form-urlencoded", "To={{to}}&Body={{text}}");

        DeliveryResult result = sms(twilio).send(opened(hanako(null)), channel(ChannelType.SMS, TO));

        assertThat(result.sent()).isFalse();
        assertThat(result.detail()).isEqualTo("HTTP 400 from http://127.0.0.1 for +********5678: "
                + "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\"}");
    }

    @Test
    void withoutAProviderEveryAttemptFailsNamingTheSetting() {
        PhoneNotifiers notifiers = new PhoneNotifiers();
        NotificationProperties none = properties(MessageTemplates.BUILT_IN_LOCATION);
        MessageTemplates templates = new MessageTemplates(none);
        HttpSender http = new HttpSender(none);

        assertThat(notifiers.smsNotifier(none, templates, http).send(opened(hanako(null)), channel(ChannelType.SMS, TO)))
                .isEqualTo(DeliveryResult.failed("SMS is not configured: set incidentflow.notification.sms.url"));
        assertThat(notifiers.voiceNotifier(none, templates, http).send(opened(hanako(null)),
                channel(ChannelType.VOICE, TO)))
                .isEqualTo(DeliveryResult.failed("VOICE is not configured: set incidentflow.notification.voice.url"));
        assertThat(server.requests).isEmpty();
    }

    NotificationChannel sms(NotificationProperties.PhoneProvider provider) {
        NotificationProperties properties = properties(MessageTemplates.BUILT_IN_LOCATION,
                new NotificationProperties.Mail(null, null, java.util.List.of()), provider, null);
        return new PhoneNotifiers().smsNotifier(properties, new MessageTemplates(properties), new HttpSender(properties));
    }

    NotificationChannel voice(NotificationProperties.PhoneProvider provider) {
        NotificationProperties properties = properties(MessageTemplates.BUILT_IN_LOCATION,
                new NotificationProperties.Mail(null, null, java.util.List.of()), null, provider);
        return new PhoneNotifiers().voiceNotifier(properties, new MessageTemplates(properties),
                new HttpSender(properties));
    }

    static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
