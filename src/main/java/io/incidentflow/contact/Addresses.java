package io.incidentflow.contact;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The address rules of each channel type, and how an address may be shown where it must not leak. */
public final class Addresses {

    static final String EMAIL_MESSAGE = "must be an e-mail address such as hanako@example.co.jp"
            + " (ASCII only: write an internationalized domain in its xn-- form)";
    static final String PHONE_MESSAGE = "must be a phone number in E.164 form: + country code and number without"
            + " the leading 0, such as +819012345678";

    /**
     * Dot-atom local part and a host name with at least one dot. Stricter than RFC 5322 on purpose: quoted local
     * parts, IP literals and the old carrier addresses with ".." are refused by Jakarta Mail when sending anyway.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_EMAIL = 254;
    private static final int MAX_URL = 1000;
    /** E.164: up to 15 digits, the first (of the country code) never 0. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** What people type between the digits: +81 90-1234-5678, +1 (415) 555.0100, and ー for a hyphen. */
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s\\-().\u30FC\u2010-\u2015\u2212]");

    private Addresses() {
    }

    /**
     * The address in the form it is stored and used, or an error message. E-mail addresses keep their case (the
     * local part may be case-sensitive), phone numbers lose their punctuation, URLs are kept as given.
     */
    static Result normalize(ChannelType type, String address, boolean allowPlainHttp) {
        String value = address == null ? "" : address.strip();
        if (value.isEmpty()) {
            return Result.error("must not be blank");
        }
        return switch (type) {
            case EMAIL -> value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches()
                    ? Result.ok(value) : Result.error(EMAIL_MESSAGE);
            case SMS, VOICE -> phone(value);
            case SLACK, TEAMS, WEBHOOK -> url(value, allowPlainHttp);
        };
    }

    private static Result phone(String value) {
        // NFKC turns what a Japanese input method types (＋８１ ９０) into ASCII.
        String digits = PHONE_PUNCTUATION.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
        if (digits.startsWith("+810")) {
            // The classic mistake (AWS's guide warns about it too): +81 followed by the domestic 090...
            return Result.error(PHONE_MESSAGE + "; drop the 0 after +81");
        }
        return E164.matcher(digits).matches() ? Result.ok(digits) : Result.error(PHONE_MESSAGE);
    }

    private static Result url(String value, boolean allowPlainHttp) {
        if (value.length() > MAX_URL) {
            return Result.error("must be at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
            boolean schemeAllowed = scheme.equals("https") || (allowPlainHttp && scheme.equals("http"));
            if (!schemeAllowed || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Result.error(allowPlainHttp ? "must be an http(s) URL" : "must be an https URL");
            }
            return Result.ok(value);
        } catch (URISyntaxException e) {
            return Result.error("must be a URL: " + e.getReason());
        }
    }

    /**
     * The address as logs and API responses may show it. A webhook URL's path is its credential (anyone who has
     * it may post), so only scheme and host remain; a phone number keeps its last four digits.
     */
    public static String mask(ChannelType type, String address) {
        if (address == null) {
            return null;
        }
        if (type.isChat()) {
            URI uri = URI.create(address);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…";
        }
        if (type.isPhone()) {
            int keep = Math.min(4, address.length() - 1);
            return "+" + "*".repeat(Math.max(0, address.length() - 1 - keep)) + address.substring(address.length() - keep);
        }
        return address;
    }

    /** Either the normalized address or why it is refused. */
    record Result(String address, String error) {

        static Result ok(String address) {
            return new Result(address, null);
        }

        static Result error(String message) {
            return new Result(null, message);
        }
    }
}
