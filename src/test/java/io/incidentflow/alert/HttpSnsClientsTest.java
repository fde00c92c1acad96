package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The JDK-HttpClient implementations behind SnsFormat, with the network replaced by a function. */
class HttpSnsClientsTest {

    private static final URI CERT_URL =
            URI.create("https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem");

    private final List<URI> fetched = new ArrayList<>();

    private Function<URI, byte[]> serving(byte[] body) {
        return uri -> {
            fetched.add(uri);
            return body;
        };
    }

    @Test
    void fetchesACertificateOnceAndKeepsItByUrl() {
        HttpSnsCertificates certificates = new HttpSnsCertificates(serving(pem("test-signing-cert.pem")));

        X509Certificate first = certificates.certificate(CERT_URL);
        X509Certificate second = certificates.certificate(CERT_URL);

        assertThat(first.getSubjectX500Principal().getName()).contains("CN=sns.amazonaws.com");
        assertThat(second).isSameAs(first);
        assertThat(fetched).containsExactly(CERT_URL);
    }

    @Test
    void doesNotKeepAFailedFetch() {
        List<URI> attempts = new ArrayList<>();
        byte[] good = pem("test-signing-cert.pem");
        HttpSnsCertificates certificates = new HttpSnsCertificates(uri -> {
            attempts.add(uri);
            if (attempts.size() == 1) {
                throw new UncheckedIOException(new IOException("503"));
            }
            return good;
        });

        assertThatThrownBy(() -> certificates.certificate(CERT_URL)).isInstanceOf(UncheckedIOException.class);
        assertThat(certificates.certificate(CERT_URL)).isNotNull();
        assertThat(attempts).hasSize(2);
    }

    @Test
    void reportsSomethingThatIsNotACertificateAsUnavailable() {
        HttpSnsCertificates certificates = new HttpSnsCertificates(serving("<html>oops</html>".getBytes()));

        assertThatThrownBy(() -> certificates.certificate(CERT_URL)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void refusesToFetchACertificateOutsideAmazonSns() {
        HttpSnsCertificates certificates = new HttpSnsCertificates(serving(pem("test-signing-cert.pem")));

        assertThatThrownBy(() -> certificates.certificate(URI.create("https://evil.example/cert.pem")))
                .isInstanceOf(AlertSignatureException.class);
        assertThat(fetched).isEmpty();
    }

    @Test
    void confirmsBySendingAGetToTheSubscribeUrl() {
        URI subscribe = URI.create("https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=abc");
        HttpSnsSubscriptionConfirmer confirmer = new HttpSnsSubscriptionConfirmer(serving(new byte[0]));

        confirmer.confirm(subscribe);

        assertThat(fetched).containsExactly(subscribe);
    }

    @Test
    void refusesToConfirmAtAHostOutsideAmazonSns() {
        HttpSnsSubscriptionConfirmer confirmer = new HttpSnsSubscriptionConfirmer(serving(new byte[0]));

        assertThatThrownBy(() -> confirmer.confirm(URI.create("https://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(AlertSignatureException.class);
        assertThat(fetched).isEmpty();
    }

    private static byte[] pem(String name) {
        try (InputStream in = HttpSnsClientsTest.class.getResourceAsStream("/alerts/sns/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
