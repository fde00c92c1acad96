package io.incidentflow.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Builds raw RFC 822 messages byte by byte, the way the mailers in question send them. */
final class RawMail {

    private final List<byte[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    static RawMail mail() {
        return new RawMail()
                .header("From: ops@example.co.jp")
                .header("To: support@example.com")
                .header("Message-ID: <test-1@example.co.jp>")
                .header("Date: Tue, 3 Mar 2026 09:15:00 +0900")
                .header("MIME-Version: 1.0");
    }

    /** Adds a header line, replacing an earlier one of the same name. */
    RawMail header(String line) {
        return rawHeader(line.substring(0, line.indexOf(':')),
                line.substring(line.indexOf(':') + 1).stripLeading().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A header line given as raw bytes after the name, e.g. an unencoded UTF-8 subject. */
    RawMail rawHeader(String name, byte[] value) {
        String prefix = (name + ":").toLowerCase(Locale.ROOT);
        headers.removeIf(h -> new String(h, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).startsWith(prefix));
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(value);
        headers.add(line.toByteArray());
        return this;
    }

    RawMail body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    RawMail body(String text) {
        return body(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A single-part text body: the text encoded by the JDK's encoder for the label, then transfer-encoded. */
    RawMail text(String mimeType, String text, String label, String transferEncoding) {
        return text(mimeType, text, label, label, transferEncoding);
    }

    /** As above, but encoded with another encoder than the label says (what Outlook does). */
    RawMail text(String mimeType, String text, String label, String javaCharset, String transferEncoding) {
        header("Content-Type: " + mimeType + "; charset=" + label);
        header("Content-Transfer-Encoding: " + transferEncoding);
        return body(transferEncode(crlf(text).getBytes(Charset.forName(javaCharset)), transferEncoding));
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] header : headers) {
            out.writeBytes(header);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        out.writeBytes(body);
        return out.toByteArray();
    }

    MimeMessage message() throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes()));
    }

    ParsedMail parse() throws MessagingException {
        return new MailMessageParser(10 * 1024 * 1024, 20).parse(message());
    }

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    /** {@code =?charset?B?…?=} or {@code =?charset?Q?…?=}, computed with the JDK's encoder. */
    static String encodedWord(String text, String label, char encoding) {
        return encodedWord(text, label, label, encoding);
    }

    static String encodedWord(String text, String label, String javaCharset, char encoding) {
        byte[] bytes = text.getBytes(Charset.forName(javaCharset));
        String encoded = encoding == 'B' ? Base64.getEncoder().encodeToString(bytes) : qEncode(bytes);
        return "=?" + label + "?" + encoding + "?" + encoded + "?=";
    }

    private static String qEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == ' ') {
                out.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append((char) c);
            } else {
                out.append(String.format("=%02X", c));
            }
        }
        return out.toString();
    }

    static byte[] transferEncode(byte[] bytes, String transferEncoding) {
        return switch (transferEncoding.toLowerCase(Locale.ROOT)) {
            case "base64" -> Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encode(bytes);
            case "quoted-printable" -> quotedPrintable(bytes);
            default -> bytes;
        };
    }

    private static byte[] quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (c == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                out.append("\r\n");
                lineLength = 0;
                i++;
                continue;
            }
            String piece = c >= 33 && c <= 126 && c != '=' ? String.valueOf((char) c) : String.format("=%02X", c);
            if (lineLength + piece.length() > 73) {
                out.append("=\r\n");
                lineLength = 0;
            }
            out.append(piece);
            lineLength += piece.length();
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
