package io.incidentflow.alert;

import java.net.URI;
import java.security.cert.X509Certificate;

/** Where the certificates that sign Amazon SNS messages come from ({@code SigningCertURL}). */
interface SnsCertificates {

    /**
     * @param signingCertUrl already checked by {@link SnsHosts#trusted}
     * @throws java.io.UncheckedIOException when the certificate cannot be fetched or read right now; the
     *                                      endpoint answers 5xx so that SNS retries the delivery
     */
    X509Certificate certificate(URI signingCertUrl);
}
