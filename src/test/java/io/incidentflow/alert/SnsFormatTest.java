package io.incidentflow.alert;

import static io.incidentflow.alert.Fixtures.integration;
import static io.incidentflow.alert.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.alert.SnsTestKeys.FakeCertificates;
import io.incidentflow.alert.SnsTestKeys.RecordingConfirmer;
import io.incidentflow.integration.IntegrationType;

class SnsFormatTest {

    private static final IntegrationType TYPE = IntegrationType.SNS;
    private static final String CERT_URL =
            "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem";
    private static final String DEDUP_KEY = "cloudwatch:123456789012:US West (Oregon):HighCPU-web-01";

    private final FakeCertificates certificates = new FakeCertificates(SnsTestKeys.certificate("test-signing-cert.pem"));
    private final RecordingConfirmer confirmer = new RecordingConfirmer();
    private final SnsFormat format = new SnsFormat(certificates, confirmer);

    @Test
    void servesTheSnsIntegrationType() {
        assertThat(format.type()).isEqualTo(IntegrationType.SNS);
    }

    @Test
    void acceptsSignatureVersion1AndFiresOnACloudWatchAlarm() {
        Alert alert = format.parse(payload("sns/notification-alarm-v1.json"), integration(TYPE)).get(0);

        assertThat(certificates.requested).containsExactly(URI.create(CERT_URL));
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.dedupKey()).isEqualTo(DEDUP_KEY);
        assertThat(alert.summary()).isEqualTo("HighCPU-web-01");
        assertThat(alert.details()).isEqualTo("""
                web-01 の CPU 使用率が 90% を超えました。手順書: https://runbooks.example.org/cpu
                Threshold Crossed: 1 out of the last 1 datapoints [95.2 (12/05/24 01:23:00)] was greater than \
                the threshold (90.0) (minimum 1 datapoint for OK -> ALARM transition).
                State: OK → ALARM
                Metric: AWS/EC2 CPUUtilization (InstanceId=i-0123456789abcdef0)
                Account: 123456789012
                Region: US West (Oregon)""");
        assertThat(alert.labels()).isEqualTo(Map.of("aws_account_id", "123456789012", "region", "US West (Oregon)",
                "alarm_name", "HighCPU-web-01", "namespace", "AWS/EC2", "metric_name", "CPUUtilization",
                "InstanceId", "i-0123456789abcdef0"));
        assertThat(alert.links()).containsExactly(new AlertLink("CloudWatch alarm",
                "https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#alarmsV2:alarm/HighCPU-web-01"));
        assertThat(alert.startedAt()).isEqualTo(OffsetDateTime.of(2024, 5, 12, 1, 28, 11, 123_000_000, ZoneOffset.UTC));
        assertThat(alert.eventId()).isEqualTo("sns:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        assertThat(alert.impact()).isNull();
    }

    @Test
    void acceptsSignatureVersion2WithoutSubjectAndResolvesOnOk() {
        Alert alert = format.parse(payload("sns/notification-ok-v2.json"), integration(TYPE)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alert.dedupKey()).isEqualTo(DEDUP_KEY);
        assertThat(alert.details()).contains("State: ALARM → OK");
    }

    @Test
    void givesNoAlertForInsufficientData() {
        assertThat(format.parse(payload("sns/notification-insufficient-data-v2.json"), integration(TYPE))).isEmpty();
        assertThat(certificates.requested).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Message", "MessageId", "Subject", "Timestamp", "TopicArn"})
    void rejectsAMessageAlteredAfterSigning(String field) {
        ObjectNode message = payload("sns/notification-alarm-v1.json");
        String value = message.get(field).asText();
        message.put(field, field.equals("Message") ? value.replace("\"ALARM\"", "\"OK\"") : value + "x");

        assertThatThrownBy(() -> format.parse(message, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Signature");
    }

    @Test
    void rejectsARemovedSubject() {
        ObjectNode message = payload("sns/notification-alarm-v1.json");
        message.remove("Subject");

        assertThatThrownBy(() -> format.parse(message, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Signature");
    }

    @Test
    void rejectsAVersion1SignaturePresentedAsVersion2() {
        ObjectNode message = payload("sns/notification-alarm-v1.json").put("SignatureVersion", "2");

        assertThatThrownBy(() -> format.parse(message, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Signature");
    }

    @Test
    void rejectsASignatureThatTheCertificatesKeyDidNotMake() {
        SnsFormat withOtherCertificate = new SnsFormat(
                new FakeCertificates(SnsTestKeys.certificate("other-cert.pem")), confirmer);

        assertThatThrownBy(() -> withOtherCertificate.parse(payload("sns/notification-alarm-v1.json"), integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem",
            "https://sns.us-west-2.amazonaws.com.evil.example/cert.pem",
            "https://evil.example/sns.us-west-2.amazonaws.com/cert.pem",
            "https://s3.amazonaws.com/sns.us-west-2.amazonaws.com/cert.pem",
            "https://sns.us-west-2.amazonaws.com@evil.example/cert.pem",
            "https://sns.us-west-2.amazonaws.com:8443/cert.pem",
            "https://notsns.us-west-2.amazonaws.com/cert.pem",
            "file:///etc/passwd",
            "not a url"})
    void rejectsACertificateUrlOutsideAmazonSnsWithoutFetchingIt(String url) {
        ObjectNode message = payload("sns/notification-alarm-v1.json").put("SigningCertURL", url);

        assertThatThrownBy(() -> format.parse(message, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("SigningCertURL");
        assertThat(certificates.requested).isEmpty();
    }

    @Test
    void acceptsCertificatesOfChinaRegions() {
        ObjectNode message = SnsTestKeys.sign(payload("sns/notification-alarm-v1.json")
                .put("SigningCertURL", "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem"));

        assertThat(format.parse(message, integration(TYPE))).hasSize(1);
        assertThat(certificates.requested)
                .containsExactly(URI.create("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem"));
    }

    @Test
    void confirmsAVerifiedSubscriptionWithItsSubscribeUrl() {
        ObjectNode confirmation = payload("sns/subscription-confirmation.json");

        List<Alert> alerts = format.parse(confirmation, integration(TYPE));

        assertThat(alerts).isEmpty();
        assertThat(confirmer.confirmed).containsExactly(URI.create(confirmation.get("SubscribeURL").asText()));
        assertThat(certificates.requested).containsExactly(URI.create(CERT_URL));
    }

    @Test
    void doesNotConfirmAForgedSubscription() {
        ObjectNode forged = payload("sns/subscription-confirmation.json")
                .put("TopicArn", "arn:aws:sns:us-west-2:999999999999:Other")
                .put("SubscribeURL", "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription"
                        + "&TopicArn=arn:aws:sns:us-west-2:999999999999:Other&Token=abc");

        assertThatThrownBy(() -> format.parse(forged, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Signature");
        assertThat(confirmer.confirmed).isEmpty();
    }

    @Test
    void doesNotVisitASubscribeUrlOutsideAmazonSnsEvenWhenSigned() {
        ObjectNode confirmation = SnsTestKeys.sign(payload("sns/subscription-confirmation.json")
                .put("SubscribeURL", "https://intranet.example.org/admin?delete=all"));

        assertThatThrownBy(() -> format.parse(confirmation, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("SubscribeURL");
        assertThat(confirmer.confirmed).isEmpty();
    }

    @Test
    void ignoresAVerifiedUnsubscribeConfirmation() {
        ObjectNode unsubscribe = SnsTestKeys.sign(payload("sns/subscription-confirmation.json")
                .put("Type", "UnsubscribeConfirmation")
                .put("Message", "You have chosen to deactivate subscription."));

        assertThat(format.parse(unsubscribe, integration(TYPE))).isEmpty();
        assertThat(confirmer.confirmed).isEmpty();
        assertThat(certificates.requested).hasSize(1);
    }

    @Test
    void firesOnceForANotificationThatIsNotACloudWatchAlarm() {
        ObjectNode message = SnsTestKeys.sign(payload("sns/notification-alarm-v1.json")
                .put("Subject", "バックアップが失敗しました")
                .put("Message", "Job nightly-backup failed on db-01.\nSee the job log."));

        Alert alert = format.parse(message, integration(TYPE)).get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.summary()).isEqualTo("バックアップが失敗しました");
        assertThat(alert.details()).isEqualTo("Job nightly-backup failed on db-01.\nSee the job log.");
        assertThat(alert.dedupKey()).isEqualTo("sns:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        assertThat(alert.labels()).containsEntry("topic_arn", "arn:aws:sns:us-west-2:123456789012:MyTopic");
    }

    @Test
    void namesAnUnknownAlarmState() {
        ObjectNode message = payload("sns/notification-alarm-v1.json");
        message.put("Message", message.get("Message").asText().replace("\"NewStateValue\":\"ALARM\"",
                "\"NewStateValue\":\"BROKEN\""));
        SnsTestKeys.sign(message);

        assertThatThrownBy(() -> format.parse(message, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Message.NewStateValue");
    }

    @Test
    void namesAnAlarmWithoutAccount() {
        ObjectNode message = payload("sns/notification-alarm-v1.json");
        message.put("Message", message.get("Message").asText().replace("\"AWSAccountId\":\"123456789012\",", ""));
        SnsTestKeys.sign(message);

        assertThatThrownBy(() -> format.parse(message, integration(TYPE)))
                .isInstanceOf(AlertFormatException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Message.AWSAccountId");
    }

    @Test
    void rejectsAnUnknownSignatureVersionOrAMissingSignature() {
        ObjectNode version3 = payload("sns/notification-alarm-v1.json").put("SignatureVersion", "3");
        ObjectNode unsigned = payload("sns/notification-alarm-v1.json");
        unsigned.remove("Signature");
        ObjectNode garbled = payload("sns/notification-alarm-v1.json").put("Signature", "%%%");

        assertThatThrownBy(() -> format.parse(version3, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("SignatureVersion");
        assertThatThrownBy(() -> format.parse(unsigned, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Signature");
        assertThatThrownBy(() -> format.parse(garbled, integration(TYPE)))
                .isInstanceOf(AlertSignatureException.class)
                .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Signature");
    }

    @Test
    void namesAMissingOrUnknownType() {
        ObjectNode untyped = payload("sns/notification-alarm-v1.json");
        untyped.remove("Type");
        ObjectNode unknown = payload("sns/notification-alarm-v1.json").put("Type", "Hello");

        for (ObjectNode message : List.of(untyped, unknown)) {
            assertThatThrownBy(() -> format.parse(message, integration(TYPE)))
                    .isInstanceOf(AlertFormatException.class)
                    .extracting(e -> ((AlertFormatException) e).field()).isEqualTo("Type");
        }
        assertThat(certificates.requested).isEmpty();
    }

    @Test
    void letsAnUnreachableCertificateFailAsServerErrorSoSnsRetries() {
        SnsCertificates unreachable = url -> {
            throw new UncheckedIOException(new IOException("connect timed out"));
        };
        SnsFormat offline = new SnsFormat(unreachable, confirmer);

        assertThatThrownBy(() -> offline.parse(payload("sns/notification-alarm-v1.json"), integration(TYPE)))
                .isInstanceOf(UncheckedIOException.class)
                .isNotInstanceOf(AlertFormatException.class);
    }

    @Test
    void buildsConsoleLinksOnlyForKnownPartitions() {
        assertThat(SnsFormat.consoleUrl("arn:aws-cn:cloudwatch:cn-north-1:123:alarm:CPU 高負荷", "CPU 高負荷"))
                .isEqualTo("https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1"
                        + "#alarmsV2:alarm/CPU%20%E9%AB%98%E8%B2%A0%E8%8D%B7");
        assertThat(SnsFormat.consoleUrl("arn:aws-iso:cloudwatch:us-iso-east-1:123:alarm:x", "x")).isNull();
        assertThat(SnsFormat.consoleUrl("EXAMPLE", "x")).isNull();
        assertThat(SnsFormat.consoleUrl(null, "x")).isNull();
    }
}
