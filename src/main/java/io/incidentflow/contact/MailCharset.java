package io.incidentflow.contact;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The charset a contact's mail is written in; some Japanese mailers and mobile carriers still want ISO-2022-JP. */
public enum MailCharset {
    UTF_8("UTF-8"),
    ISO_2022_JP("ISO-2022-JP");

    private final String label;

    MailCharset(String label) {
        this.label = label;
    }

    /** The MIME name, as stored and as the API shows it. */
    @JsonValue
    public String label() {
        return label;
    }

    /** {@code utf-8}, {@code ISO-2022-JP}: MIME names are case-insensitive. */
    public static Optional<MailCharset> fromLabel(String label) {
        return Arrays.stream(values()).filter(charset -> charset.label.equalsIgnoreCase(label)).findFirst();
    }
}
