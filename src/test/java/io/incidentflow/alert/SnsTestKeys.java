package io.incidentflow.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The throw-away signing key and certificates under src/test/resources/alerts/sns (see make-fixtures.py),
 * and an {@link SnsCertificates} that hands out one certificate and records what was asked for.
 */
final class SnsTestKeys {

    static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    static final List<String> CONFIRMATION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

    private SnsTestKeys() {
    }

    static X509Certificate certificate(String name) {
        try (InputStream in = resource(name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey signingKey() {
        try (InputStream in = resource("test-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the message like SNS with the test key, over the fields of its type, as the guide describes. */
    static ObjectNode sign(ObjectNode message) {
        List<String> fields = "Notification".equals(message.get("Type").asText()) ? NOTIFICATION_FIELDS
                : CONFIRMATION_FIELDS;
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            if (message.hasNonNull(field)) {
                canonical.append(field).append('\n').append(message.get(field).asText()).append('\n');
            }
        }
        try {
            Signature signer = Signature.getInstance(
                    "1".equals(message.get("SignatureVersion").asText()) ? "SHA1withRSA" : "SHA256withRSA");
            signer.initSign(signingKey());
            signer.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return message.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SnsTestKeys.class.getResourceAsStream("/alerts/sns/" + name);
        if (in == null) {
            throw new IllegalArgumentException("No alerts/sns/" + name);
        }
        return in;
    }

    /** Hands out one certificate for any URL and remembers the URLs asked for. */
    static final class FakeCertificates implements SnsCertificates {

        final List<URI> requested = new ArrayList<>();
        private final X509Certificate certificate;

        FakeCertificates(X509Certificate certificate) {
            this.certificate = certificate;
        }

        @Override
        public X509Certificate certificate(URI signingCertUrl) {
            requested.add(signingCertUrl);
            return certificate;
        }
    }

    /** Remembers the subscriptions it was asked to confirm. */
    static final class RecordingConfirmer implements SnsSubscriptionConfirmer {

        final List<URI> confirmed = new ArrayList<>();

        @Override
        public void confirm(URI subscribeUrl) {
            confirmed.add(subscribeUrl);
        }
    }
}
