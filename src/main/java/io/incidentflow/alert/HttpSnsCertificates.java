package io.incidentflow.alert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches SNS signing certificates over https with the JDK's HttpClient and keeps them by URL (SNS uses one
 * certificate per region for a long time; a new one comes with a new URL). Failures are not cached.
 */
@Component
class HttpSnsCertificates implements SnsCertificates {

    /** More certificate URLs than SNS regions means something odd: start over rather than grow. */
    static final int MAX_CACHED = 64;

    private final Function<URI, byte[]> download;
    private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

    @Autowired
    HttpSnsCertificates() {
        this(new SnsHttp()::get);
    }

    HttpSnsCertificates(Function<URI, byte[]> download) {
        this.download = download;
    }

    @Override
    public X509Certificate certificate(URI signingCertUrl) {
        URI url = SnsHosts.trusted(signingCertUrl.toString(), "SigningCertURL");
        X509Certificate cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        X509Certificate certificate = read(url, download.apply(url));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(url, certificate);
        return certificate;
    }

    private static X509Certificate read(URI url, byte[] pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | ClassCastException e) {
            throw new UncheckedIOException(new IOException("No X.509 certificate at " + url, e));
        }
    }
}
