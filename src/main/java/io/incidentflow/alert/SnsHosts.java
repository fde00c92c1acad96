package io.incidentflow.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The only places we fetch from or call for Amazon SNS: {@code https://sns.<region>.amazonaws.com[.cn]/…}
 * on the default port. Checked before any network access, so that a forged message cannot make us fetch a
 * certificate of its choosing or call an arbitrary URL (SSRF).
 */
final class SnsHosts {

    static final Pattern HOST = Pattern.compile("^sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$");

    private SnsHosts() {
    }

    /**
     * @return the URL when it is an https URL on an SNS host
     * @throws AlertSignatureException naming {@code field} otherwise
     */
    static URI trusted(String url, String field) {
        if (url == null || url.isBlank()) {
            throw new AlertSignatureException(field, "is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new AlertSignatureException(field, "is not a valid URL");
        }
        String host = uri.getHost();
        boolean trusted = "https".equalsIgnoreCase(uri.getScheme())
                && host != null && HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()
                && uri.getRawUserInfo() == null
                && (uri.getPort() == -1 || uri.getPort() == 443);
        if (!trusted) {
            throw new AlertSignatureException(field,
                    "must be an https URL on an Amazon SNS host (sns.<region>.amazonaws.com), got " + url.strip());
        }
        return uri;
    }
}
