package io.incidentflow.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header decoding that does not depend on JVM-wide {@code mail.mime.*} system properties and never gives
 * up on a header: RFC 2047 encoded words (also inside quoted strings and words, also with a character split
 * across two words), raw 8-bit or raw ISO-2022-JP header bytes, RFC 2231 parameters with continuations,
 * and address lists with display names. Jakarta Mail hands header bytes over as ISO-8859-1 characters (we
 * never turn on {@code mail.mime.allowutf8}), so no byte is lost before we decode it here.
 */
final class MailHeaders {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern CONTINUATION = Pattern.compile("(.+?)\\*(\\d+)(\\*?)");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    record MailAddress(String address, String name) {
    }

    /** A structured header such as Content-Type: its value ({@code text/plain}) and decoded parameters. */
    record StructuredValue(String value, Map<String, String> parameters) {

        String parameter(String name) {
            return parameters.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MailHeaders() {
    }

    /** An unstructured header (Subject): decoded and folded onto one line. Null stays null. */
    static String text(String raw, String hint) {
        if (raw == null) {
            return null;
        }
        return oneLine(decodeEncodedWords(rawToText(unfold(raw), hint)));
    }

    static String oneLine(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String unfold(String raw) {
        return raw.replaceAll("\r?\n(?=[ \t])", "").replace("\r", "").replace("\n", "");
    }

    /**
     * Header characters as Jakarta Mail read them (one char per byte) → text: 8-bit bytes and raw ISO-2022-JP
     * escape sequences are decoded as a mailer that forgot RFC 2047 meant them.
     */
    static String rawToText(String raw, String hint) {
        boolean eightBit = false;
        boolean escape = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return raw; // already Unicode
            }
            eightBit |= c > 0x7F;
            escape |= c == 0x1B;
        }
        if (!eightBit && !escape) {
            return raw;
        }
        return MailCharsets.decode(raw.getBytes(StandardCharsets.ISO_8859_1), null, hint);
    }

    /**
     * RFC 2047, leniently: encoded words are decoded wherever they stand; the whitespace between two adjacent
     * ones is dropped and their bytes are joined before decoding, so a character split across two words
     * (common with ISO-2022-JP and UTF-8 subjects) survives.
     */
    static String decodeEncodedWords(String text) {
        if (text.indexOf("=?") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        Matcher matcher = ENCODED_WORD.matcher(text);
        while (matcher.find()) {
            String gap = text.substring(last, matcher.start());
            String charset = MailCharsets.normalise(matcher.group(1));
            boolean adjacent = pendingCharset != null && gap.isBlank();
            if (!adjacent || !charset.equals(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
            }
            if (!adjacent) {
                out.append(gap);
            }
            String encoded = matcher.group(3);
            byte[] bytes = matcher.group(2).equalsIgnoreCase("B") ? base64(encoded) : qEncoding(encoded);
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = matcher.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text, last, text.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(MailCharsets.decode(pending.toByteArray(), charset, null));
            pending.reset();
        }
    }

    private static byte[] qEncoding(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) >= 0
                    && hex(encoded.charAt(i + 2)) >= 0) {
                out.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** Base64 that forgives what mailers get wrong: line breaks, junk characters, missing or early padding. */
    static byte[] base64(CharSequence encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length() * 3 / 4 + 3);
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                chunk.append(c);
            } else if (c == '-' || c == '_') {
                chunk.append(c == '-' ? '+' : '/');
            } else if (c == '=') {
                decodeChunk(chunk, out); // padding ends a chunk; another may follow (concatenated encodings)
            }
        }
        decodeChunk(chunk, out);
        return out.toByteArray();
    }

    private static void decodeChunk(StringBuilder chunk, ByteArrayOutputStream out) {
        if (chunk.length() % 4 == 1) {
            chunk.setLength(chunk.length() - 1); // a lone sextet carries no whole byte
        }
        if (chunk.length() > 0) {
            out.writeBytes(Base64.getDecoder().decode(chunk.toString()));
        }
        chunk.setLength(0);
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * Content-Type or Content-Disposition: lower-case value and parameters, names lower-cased, values decoded
     * from RFC 2231 ({@code filename*=UTF-8''%E9%9A%9C…}, also split as {@code filename*0*=…; filename*1*=…}),
     * or RFC 2047 inside the quotes ({@code filename="=?ISO-2022-JP?B?…?="}), or raw 8-bit.
     */
    static StructuredValue structured(String raw, String hint) {
        if (raw == null) {
            return new StructuredValue("", Map.of());
        }
        List<String> pieces = splitOutsideQuotes(unfold(raw), ';');
        String value = stripComments(pieces.get(0)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> extended = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            int equals = piece.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = piece.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String parameterValue = unquote(piece.substring(equals + 1).strip());
            Matcher continuation = CONTINUATION.matcher(name);
            if (continuation.matches()) {
                extended.computeIfAbsent(continuation.group(1), k -> new TreeMap<>()).put(
                        Integer.parseInt(continuation.group(2).length() > 6 ? "999999" : continuation.group(2)),
                        new String[] {parameterValue, continuation.group(3)});
            } else if (name.endsWith("*")) {
                extended.computeIfAbsent(name.substring(0, name.length() - 1), k -> new TreeMap<>())
                        .put(-1, new String[] {parameterValue, "*"});
            } else {
                plain.putIfAbsent(name, parameterValue);
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        plain.forEach((name, v) -> parameters.put(name, decodeEncodedWords(rawToText(v, hint)).strip()));
        extended.forEach((name, segments) -> parameters.put(name, rfc2231(segments, hint).strip()));
        return new StructuredValue(value, parameters);
    }

    private static String rfc2231(TreeMap<Integer, String[]> segments, String hint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String charset = null;
        boolean first = true;
        for (String[] segment : segments.values()) {
            String text = segment[0];
            boolean encoded = !segment[1].isEmpty();
            if (encoded && first) {
                int quote = text.indexOf('\'');
                int secondQuote = quote < 0 ? -1 : text.indexOf('\'', quote + 1);
                if (secondQuote > 0) {
                    charset = text.substring(0, quote);
                    text = text.substring(secondQuote + 1);
                }
            }
            first = false;
            if (encoded) {
                percentDecode(text, bytes);
            } else {
                bytes.writeBytes(latin1OrUtf8(text));
            }
        }
        String decoded = MailCharsets.decode(bytes.toByteArray(), charset == null || charset.isBlank() ? null : charset,
                hint);
        return decodeEncodedWords(decoded);
    }

    private static byte[] latin1OrUtf8(String text) {
        return text.chars().allMatch(c -> c <= 0xFF) ? text.getBytes(StandardCharsets.ISO_8859_1)
                : text.getBytes(StandardCharsets.UTF_8);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
    }

    /** From, To, Cc: addresses with decoded display names; groups are flattened, junk is skipped. */
    static List<MailAddress> addresses(String raw, String hint) {
        List<MailAddress> result = new ArrayList<>();
        if (raw == null) {
            return result;
        }
        for (String entry : splitAddressList(unfold(raw))) {
            String address;
            String name;
            int open = indexOutsideQuotes(entry, '<');
            if (open >= 0) {
                int close = entry.indexOf('>', open);
                address = entry.substring(open + 1, close < 0 ? entry.length() : close);
                int route = address.lastIndexOf(':'); // obsolete source route <@a,@b:user@host>
                if (route >= 0) {
                    address = address.substring(route + 1);
                }
                name = stripComments(entry.substring(0, open));
            } else {
                address = stripComments(entry);
                int comment = entry.indexOf('(');
                int end = entry.lastIndexOf(')');
                name = comment >= 0 && end > comment ? entry.substring(comment + 1, end) : null;
            }
            address = rawToText(address.replaceAll("\\s+", ""), hint);
            if (address.isEmpty()) {
                continue;
            }
            if (name != null) {
                name = oneLine(decodeEncodedWords(rawToText(unquote(name.strip()), hint)));
                name = unquote(name);
            }
            result.add(new MailAddress(address, name == null || name.isBlank() ? null : name));
        }
        return result;
    }

    private static List<String> splitAddressList(String text) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        int comment = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (comment > 0) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '(') {
                    comment++;
                } else if (c == ')') {
                    comment--;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    current.append(c);
                }
                case '(' -> {
                    comment = 1;
                    current.append(c);
                }
                case '<' -> {
                    angle = true;
                    current.append(c);
                }
                case '>' -> {
                    angle = false;
                    current.append(c);
                }
                case ',', ';' -> {
                    if (angle) {
                        current.append(c);
                    } else {
                        addEntry(entries, current);
                    }
                }
                case ':' -> {
                    if (!angle && current.indexOf("@") < 0) {
                        current.setLength(0); // "group name:" starts a group
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        addEntry(entries, current);
        return entries;
    }

    private static void addEntry(List<String> entries, StringBuilder current) {
        if (!current.toString().isBlank()) {
            entries.add(current.toString().strip());
        }
        current.setLength(0);
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 1; i < text.length() - 1; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() - 1) {
                    c = text.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return text;
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } else if (c == '(') {
                depth = 1;
            } else {
                if (c == '"') {
                    quoted = true;
                }
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
