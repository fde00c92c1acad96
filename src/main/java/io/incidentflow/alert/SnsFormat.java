package io.incidentflow.alert;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

/**
 * Amazon SNS HTTP(S) subscriptions, usually carrying CloudWatch alarms.
 *
 * <p>Every message's signature is verified before anything else is believed: SignatureVersion 1
 * (SHA1withRSA) or 2 (SHA256withRSA) over the canonical "Name\nvalue\n" string of the message type, with
 * the certificate at {@code SigningCertURL}, which must be https on {@code sns.<region>.amazonaws.com[.cn]}
 * (checked before fetching). Then:
 * <ul>
 * <li>SubscriptionConfirmation: the subscription is confirmed by visiting {@code SubscribeURL} (same host
 * rule); no alert.</li>
 * <li>UnsubscribeConfirmation: ignored; no alert.</li>
 * <li>Notification with a CloudWatch alarm in {@code Message}: ALARM fires, OK resolves,
 * INSUFFICIENT_DATA gives no alert; dedup key {@code cloudwatch:<AWSAccountId>:<Region>:<AlarmName>}.</li>
 * <li>Any other Notification: one firing alert per message (Subject or the first line as summary).</li>
 * </ul>
 */
@Component
class SnsFormat implements AlertFormat {

    private static final Logger LOG = LoggerFactory.getLogger(SnsFormat.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

    private final SnsCertificates certificates;
    private final SnsSubscriptionConfirmer confirmer;

    SnsFormat(SnsCertificates certificates, SnsSubscriptionConfirmer confirmer) {
        this.certificates = certificates;
        this.confirmer = confirmer;
    }

    @Override
    public IntegrationType type() {
        return IntegrationType.SNS;
    }

    @Override
    public List<Alert> parse(JsonNode message, Integration integration) {
        Fields.object(message, Fields.ROOT);
        String type = Fields.text(message, "Type", Fields.ROOT);
        switch (type) {
            case "SubscriptionConfirmation" -> {
                verify(message, CONFIRMATION_FIELDS);
                URI subscribeUrl = SnsHosts.trusted(Fields.optionalText(message, "SubscribeURL", Fields.ROOT),
                        "SubscribeURL");
                LOG.info("Confirming Amazon SNS subscription to {}", Fields.optionalText(message, "TopicArn", Fields.ROOT));
                confirmer.confirm(subscribeUrl);
                return List.of();
            }
            case "UnsubscribeConfirmation" -> {
                verify(message, CONFIRMATION_FIELDS);
                LOG.info("Amazon SNS unsubscribed us from {}", Fields.optionalText(message, "TopicArn", Fields.ROOT));
                return List.of();
            }
            case "Notification" -> {
                verify(message, NOTIFICATION_FIELDS);
                return notification(message, integration);
            }
            default -> throw new AlertFormatException("Type",
                    "must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation, got \"" + type + "\"");
        }
    }

    /** Verifies the message's signature or throws {@link AlertSignatureException}. */
    private void verify(JsonNode message, List<String> signedFields) {
        String root = Fields.ROOT;
        String version = Fields.optionalText(message, "SignatureVersion", root);
        String algorithm;
        if ("1".equals(version)) {
            algorithm = "SHA1withRSA";
        } else if ("2".equals(version)) {
            algorithm = "SHA256withRSA";
        } else {
            throw new AlertSignatureException("SignatureVersion", "must be 1 or 2, got "
                    + (version == null ? "none" : "\"" + version + "\""));
        }
        String signatureText = Fields.optionalText(message, "Signature", root);
        if (AlertText.isBlank(signatureText)) {
            throw new AlertSignatureException("Signature", "is required");
        }
        URI certificateUrl = SnsHosts.trusted(Fields.optionalText(message, "SigningCertURL", root), "SigningCertURL");

        StringBuilder canonical = new StringBuilder();
        for (String field : signedFields) {
            String value = Fields.optionalText(message, field, root);
            if (value == null) {
                if ("Subject".equals(field)) {
                    continue;
                }
                throw new AlertFormatException(field, "is required");
            }
            canonical.append(field).append('\n').append(value).append('\n');
        }
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(signatureText);
        } catch (IllegalArgumentException e) {
            throw new AlertSignatureException("Signature", "is not Base64");
        }

        X509Certificate certificate = certificates.certificate(certificateUrl);
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new AlertSignatureException("SigningCertURL", "the signing certificate is not valid now");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new AlertSignatureException("Signature", "does not match the message: not sent by Amazon SNS or altered");
        }
    }

    private static List<Alert> notification(JsonNode message, Integration integration) {
        String text = Fields.text(message, "Message", Fields.ROOT);
        JsonNode alarm = null;
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                alarm = JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                alarm = null;
            }
        }
        if (alarm != null && alarm.isObject() && alarm.has("AlarmName") && alarm.has("NewStateValue")) {
            return cloudWatchAlarm(message, alarm, integration);
        }
        return plainMessage(message, text, integration);
    }

    private static List<Alert> cloudWatchAlarm(JsonNode message, JsonNode alarm, Integration integration) {
        String path = "Message";
        String name = Fields.text(alarm, "AlarmName", path);
        String account = Fields.text(alarm, "AWSAccountId", path);
        String region = Fields.text(alarm, "Region", path);
        String state = Fields.text(alarm, "NewStateValue", path);
        AlertStatus status = switch (state) {
            case "ALARM" -> AlertStatus.FIRING;
            case "OK" -> AlertStatus.RESOLVED;
            case "INSUFFICIENT_DATA" -> null;
            default -> throw new AlertFormatException("Message.NewStateValue",
                    "must be ALARM, OK or INSUFFICIENT_DATA, got \"" + state + "\"");
        };
        if (status == null) {
            return List.of();
        }
        String oldState = Fields.optionalText(alarm, "OldStateValue", path);
        AlertBuilder builder = new AlertBuilder()
                .dedupKey("cloudwatch:" + account + ":" + region + ":" + name)
                .status(status)
                .summary(name)
                .detail(Fields.optionalText(alarm, "AlarmDescription", path))
                .detail(Fields.optionalText(alarm, "NewStateReason", path))
                .detail("State", (oldState == null ? "" : oldState + " → ") + state)
                .label("aws_account_id", account)
                .label("region", region)
                .label("alarm_name", name)
                .startedAt(AlertTimes.parse(Fields.optionalText(alarm, "StateChangeTime", path), "Message.StateChangeTime"))
                .eventId("sns:" + Fields.text(message, "MessageId", Fields.ROOT));

        JsonNode trigger = Fields.optionalObject(alarm, "Trigger", path);
        if (trigger != null) {
            String triggerPath = "Message.Trigger";
            String namespace = Fields.optionalText(trigger, "Namespace", triggerPath);
            String metric = Fields.optionalText(trigger, "MetricName", triggerPath);
            builder.label("namespace", namespace).label("metric_name", metric);
            List<String> dimensions = new ArrayList<>();
            JsonNode dims = Fields.optionalArray(trigger, "Dimensions", triggerPath);
            if (dims != null) {
                for (int i = 0; i < dims.size(); i++) {
                    String dimPath = Fields.index(Fields.path(triggerPath, "Dimensions"), i);
                    JsonNode dim = Fields.object(dims.get(i), dimPath);
                    String dimName = Fields.optionalText(dim, "name", dimPath);
                    String dimValue = Fields.optionalText(dim, "value", dimPath);
                    if (dimName != null) {
                        builder.label(dimName, dimValue);
                        dimensions.add(dimName + "=" + dimValue);
                    }
                }
            }
            if (metric != null) {
                builder.detail("Metric", (namespace == null ? "" : namespace + " ") + metric
                        + (dimensions.isEmpty() ? "" : " (" + String.join(", ", dimensions) + ")"));
            }
        }
        builder.detail("Account", account).detail("Region", region)
                .link("CloudWatch alarm", consoleUrl(Fields.optionalText(alarm, "AlarmArn", path), name));
        return List.of(builder.build(integration));
    }

    /** The AWS console page of the alarm, from its ARN (arn:aws:cloudwatch:us-east-1:123…:alarm:name). */
    static String consoleUrl(String alarmArn, String name) {
        if (alarmArn == null) {
            return null;
        }
        String[] parts = alarmArn.split(":", 7);
        if (parts.length < 7 || !"cloudwatch".equals(parts[2]) || !parts[3].matches("[a-z0-9-]+")) {
            return null;
        }
        String host = switch (parts[1]) {
            case "aws" -> "console.aws.amazon.com";
            case "aws-cn" -> "console.amazonaws.cn";
            case "aws-us-gov" -> "console.amazonaws-us-gov.com";
            default -> null;
        };
        if (host == null) {
            return null;
        }
        return "https://" + host + "/cloudwatch/home?region=" + parts[3] + "#alarmsV2:alarm/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Alert> plainMessage(JsonNode message, String text, Integration integration) {
        String root = Fields.ROOT;
        String messageId = Fields.text(message, "MessageId", root);
        String topic = Fields.optionalText(message, "TopicArn", root);
        String firstLine = text.strip().lines().findFirst().orElse(text);
        Map<String, String> labels = topic == null ? Map.of() : Map.of("topic_arn", topic);
        return List.of(new AlertBuilder()
                .dedupKey("sns:" + messageId)
                .status(AlertStatus.FIRING)
                .summary(AlertText.firstNonBlank(Fields.optionalText(message, "Subject", root), firstLine))
                .detail(text)
                .labels(labels)
                .startedAt(AlertTimes.parse(Fields.optionalText(message, "Timestamp", root), "Timestamp"))
                .eventId("sns:" + messageId)
                .build(integration));
    }
}
