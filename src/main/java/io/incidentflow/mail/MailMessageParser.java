package io.incidentflow.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import io.incidentflow.mail.MailHeaders.MailAddress;
import io.incidentflow.mail.MailHeaders.StructuredValue;

/**
 * A MIME message → {@link ParsedMail}. Pure: reads only the message it is given (the poller hands it an
 * in-memory copy), keeps no state between calls, and does not give up on a mail because one part is
 * broken: unreadable parts, and attachments over the limits, become notes. Every header and text part is
 * decoded by {@link MailHeaders} and {@link MailCharsets}, not by Jakarta Mail's JVM-wide defaults.
 */
final class MailMessageParser {

    /** A text part larger than this is cut (with a note): a body is for reading, not for bulk data. */
    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
    private static final int MAX_DEPTH = 20;
    private static final Pattern INCIDENT_REF = Pattern.compile("\\[\\s*(INC-\\d{6,})\\s*]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern ZONE_OFFSET = Pattern.compile("(?<![\\d:])([+-])(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);

    private final long maxAttachmentBytes;
    private final int maxAttachments;

    MailMessageParser(long maxAttachmentBytes, int maxAttachments) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxAttachments = maxAttachments;
    }

    static MailMessageParser forMailbox(MailboxProperties.Mailbox mailbox) {
        return new MailMessageParser(mailbox.maxAttachmentBytes().toBytes(), mailbox.maxAttachments());
    }

    ParsedMail parse(MimeMessage message) throws MessagingException {
        Walk walk = new Walk();
        walk.part(message, 0);
        String hint = walk.firstCharset;

        String subject = MailHeaders.text(header(message, "Subject"), hint);
        List<MailAddress> from = MailHeaders.addresses(header(message, "From"), hint);
        if (from.isEmpty()) {
            from = MailHeaders.addresses(header(message, "Sender"), hint);
        }
        MailAddress sender = from.isEmpty() ? null : from.get(0);

        return new ParsedMail(
                messageId(header(message, "Message-ID")),
                sender == null ? null : sender.address(),
                sender == null ? null : sender.name(),
                MailHeaders.addresses(allHeaders(message, "To"), hint).stream().map(MailAddress::address).toList(),
                MailHeaders.addresses(allHeaders(message, "Cc"), hint).stream().map(MailAddress::address).toList(),
                subject == null || subject.isEmpty() ? null : subject,
                walk.body(),
                sentDate(header(message, "Date")),
                incidentRef(subject),
                references(header(message, "In-Reply-To"), header(message, "References")),
                walk.attachments,
                walk.notes);
    }

    /** {@code INC-000042} when the subject carries {@code [INC-000042]} anywhere (after Re:, AW:, 返信: …). */
    static String incidentRef(String subject) {
        if (subject == null) {
            return null;
        }
        Matcher matcher = INCIDENT_REF.matcher(subject);
        return matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : null;
    }

    private static String messageId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String unfolded = MailHeaders.unfold(raw).strip();
        Matcher matcher = MESSAGE_ID.matcher(unfolded);
        return matcher.find() ? matcher.group() : unfolded;
    }

    private static List<String> references(String inReplyTo, String references) {
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : new String[] {inReplyTo, references}) {
            if (raw != null) {
                Matcher matcher = MESSAGE_ID.matcher(MailHeaders.unfold(raw));
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
            }
        }
        return List.copyOf(ids);
    }

    /** The Date header with the sender's own UTC offset; null when missing or unreadable. */
    static OffsetDateTime sentDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String unfolded = MailHeaders.unfold(raw).strip();
        Date date;
        try {
            date = new MailDateFormat().parse(unfolded);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
        if (date == null) {
            return null;
        }
        ZoneOffset offset = ZoneOffset.UTC;
        Matcher matcher = ZONE_OFFSET.matcher(unfolded);
        while (matcher.find()) {
            try {
                int sign = matcher.group(1).equals("-") ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(matcher.group(2)),
                        sign * Integer.parseInt(matcher.group(3)));
            } catch (DateTimeException e) {
                offset = ZoneOffset.UTC;
            }
        }
        return OffsetDateTime.ofInstant(date.toInstant(), offset);
    }

    private static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String allHeaders(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : String.join(",", values);
    }

    /** One walk over the MIME tree: text parts become the body, everything else an attachment or a note. */
    private final class Walk {

        private final StringBuilder body = new StringBuilder();
        private final List<MailAttachment> attachments = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String firstCharset;
        private int seen;

        void part(Part part, int depth) throws MessagingException {
            String rawType = header(part, "Content-Type");
            StructuredValue type = MailHeaders.structured(rawType, null);
            String mime = type.value().contains("/") ? type.value() : "text/plain";
            if (type.parameter("charset") != null && firstCharset == null) {
                firstCharset = type.parameter("charset");
            }
            StructuredValue disposition = MailHeaders.structured(header(part, "Content-Disposition"), firstCharset);
            String fileName = disposition.parameter("filename");
            if (fileName == null || fileName.isBlank()) {
                fileName = MailHeaders.structured(rawType, firstCharset).parameter("name");
            }
            boolean attachment = "attachment".equals(disposition.value()) || (fileName != null && !fileName.isBlank());

            if (mime.startsWith("multipart/")) {
                multipart(part, mime, depth);
            } else if ((mime.equals("text/plain") || mime.equals("text/html")) && !attachment) {
                text(part, mime, type);
            } else {
                attachment(part, mime, fileName);
            }
        }

        private void multipart(Part part, String mime, int depth) throws MessagingException {
            Multipart multipart = multipartOf(part);
            if (multipart == null || depth >= MAX_DEPTH) {
                notes.add(depth >= MAX_DEPTH ? "MIME parts nested deeper than " + MAX_DEPTH + " levels were skipped."
                        : "A " + mime + " part could not be split into its parts; its raw text follows.");
                if (depth < MAX_DEPTH) {
                    appendBody(MailCharsets.decode(truncatedText(decoded(part)), null, firstCharset), false);
                }
                return;
            }
            int count = multipart.getCount();
            if (mime.equals("multipart/alternative")) {
                BodyPart best = null;
                int bestRank = -1;
                for (int i = 0; i < count; i++) {
                    BodyPart candidate = multipart.getBodyPart(i);
                    int rank = alternativeRank(candidate);
                    if (rank > bestRank) {
                        best = candidate;
                        bestRank = rank;
                    }
                }
                if (best != null) {
                    part(best, depth + 1);
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                part(multipart.getBodyPart(i), depth + 1);
            }
        }

        /** Of the alternatives, plain text is read first; then whatever contains parts; HTML last. */
        private int alternativeRank(Part part) throws MessagingException {
            String mime = MailHeaders.structured(header(part, "Content-Type"), null).value();
            if (mime.isEmpty() || mime.equals("text/plain")) {
                return 3;
            }
            if (mime.startsWith("multipart/")) {
                return 2;
            }
            return mime.equals("text/html") ? 1 : 0;
        }

        private Multipart multipartOf(Part part) {
            try {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    multipart.getCount(); // parses it: a missing boundary fails here
                    return multipart;
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                // handled by the caller
            }
            return null;
        }

        private void text(Part part, String mime, StructuredValue type) {
            byte[] bytes = decoded(part);
            if (bytes.length > MAX_TEXT_BYTES) {
                notes.add("A text part of " + size(bytes.length) + " was cut to " + size(MAX_TEXT_BYTES) + ".");
            }
            bytes = truncatedText(bytes);
            String charset = type.parameter("charset");
            boolean html = mime.equals("text/html");
            if (html && charset == null) {
                Matcher meta = META_CHARSET.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                charset = meta.find() ? meta.group(1) : null;
            }
            String text = normaliseNewlines(MailCharsets.decode(bytes, charset, firstCharset));
            if (html) {
                text = HtmlToText.convert(text);
            } else if ("flowed".equalsIgnoreCase(type.parameter("format"))) {
                text = unflow(text, "yes".equalsIgnoreCase(type.parameter("delsp")));
            }
            appendBody(text, html);
        }

        private void appendBody(String text, boolean html) {
            String clean = text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
            if (clean.isEmpty()) {
                return;
            }
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append(html ? clean : stripTrailingBlanks(clean));
        }

        private void attachment(Part part, String mime, String fileName) {
            seen++;
            String name = fileName(fileName, mime, seen);
            if (attachments.size() >= maxAttachments) {
                notes.add("Attachment \"" + name + "\" was dropped: more than " + maxAttachments + " attachments.");
                return;
            }
            byte[] bytes = decoded(part);
            if (bytes.length > maxAttachmentBytes) {
                notes.add("Attachment \"" + name + "\" (" + size(bytes.length) + ") was dropped: larger than the limit of "
                        + size(maxAttachmentBytes) + ".");
                return;
            }
            attachments.add(new MailAttachment(name, mime, bytes));
        }

        String body() {
            return body.toString();
        }

        /** The part's bytes with the transfer encoding removed; never throws (an unreadable part is empty). */
        private byte[] decoded(Part part) {
            try {
                byte[] raw;
                try (InputStream in = rawStream(part)) {
                    raw = in.readAllBytes();
                }
                String encoding = part instanceof MimeBodyPart || part instanceof MimeMessage
                        ? MailHeaders.structured(header(part, "Content-Transfer-Encoding"), null).value() : "";
                return switch (encoding) {
                    case "base64" -> MailHeaders.base64(new String(raw, StandardCharsets.ISO_8859_1));
                    case "quoted-printable" -> quotedPrintable(raw);
                    case "uuencode", "x-uuencode", "x-uue" -> uudecode(raw, encoding);
                    default -> raw; // 7bit, 8bit, binary and the misspellings of them
                };
            } catch (IOException | MessagingException | RuntimeException e) {
                notes.add("A part could not be read (" + e.getClass().getSimpleName() + ") and was skipped.");
                return new byte[0];
            }
        }

        private InputStream rawStream(Part part) throws MessagingException, IOException {
            if (part instanceof MimeBodyPart bodyPart) {
                return bodyPart.getRawInputStream();
            }
            if (part instanceof MimeMessage message) {
                return message.getRawInputStream();
            }
            return part.getInputStream();
        }
    }

    private static byte[] truncatedText(byte[] bytes) {
        if (bytes.length <= MAX_TEXT_BYTES) {
            return bytes;
        }
        byte[] cut = new byte[MAX_TEXT_BYTES];
        System.arraycopy(bytes, 0, cut, 0, MAX_TEXT_BYTES);
        return cut;
    }

    static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            int next = i + 1;
            while (next < raw.length && (raw[next] == ' ' || raw[next] == '\t')) {
                next++; // "=  \r\n": a soft line break with trailing blanks
            }
            if (next < raw.length && (raw[next] == '\r' || raw[next] == '\n')) {
                i = raw[next] == '\r' && next + 1 < raw.length && raw[next + 1] == '\n' ? next + 1 : next;
            } else if (next == raw.length) {
                i = next; // "=" at the very end
            } else if (i + 2 < raw.length && MailHeaders.hex((char) raw[i + 1]) >= 0
                    && MailHeaders.hex((char) raw[i + 2]) >= 0) {
                out.write(MailHeaders.hex((char) raw[i + 1]) * 16 + MailHeaders.hex((char) raw[i + 2]));
                i += 2;
            } else {
                out.write(b); // a stray "=" is kept as it is
            }
        }
        return out.toByteArray();
    }

    private static byte[] uudecode(byte[] raw, String encoding) {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
            return in.readAllBytes();
        } catch (IOException | MessagingException e) {
            return raw;
        }
    }

    /** RFC 3676 format=flowed: a line ending in a space continues on the next one. */
    static String unflow(String text, boolean delSp) {
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing
            }
            boolean soft = line.endsWith(" ") && !line.equals("-- ") && i < lines.length - 1;
            if (soft) {
                out.append(delSp ? line.substring(0, line.length() - 1) : line);
            } else {
                out.append(line);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String normaliseNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String stripTrailingBlanks(String text) {
        return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** A file name safe to store: no directories, no control characters, not empty, not absurdly long. */
    static String fileName(String decoded, String mime, int index) {
        String name = decoded == null ? "" : decoded;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "attachment-" + index + (mime.equals("message/rfc822") ? ".eml" : "");
        }
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 200 - extension.length()) + extension;
        }
        return name;
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
