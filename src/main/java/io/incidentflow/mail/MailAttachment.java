package io.incidentflow.mail;

import java.util.Arrays;
import java.util.Objects;

/**
 * One attachment of a mail as it was sent, transfer encoding removed. Stored by the intake, never
 * interpreted here.
 *
 * @param name        decoded file name (RFC 2231 / RFC 2047), without any directory part; never blank
 * @param contentType lower-case media type without parameters, e.g. {@code application/pdf}
 * @param content     the bytes (a copy is kept and handed out)
 */
public record MailAttachment(String name, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        content = content == null ? new byte[0] : content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailAttachment that && name.equals(that.name) && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "MailAttachment[" + name + ", " + contentType + ", " + content.length + " bytes]";
    }
}
