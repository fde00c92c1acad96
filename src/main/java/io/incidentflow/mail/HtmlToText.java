package io.incidentflow.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small HTML → plain text converter for mail bodies (no HTML parser is on the classpath).
 * It is a single forward scan that never keeps markup: every tag, comment, declaration and processing
 * instruction is dropped, the contents of script, style, head and other non-text elements are dropped, block
 * elements become line breaks, entities are decoded into plain characters, and links keep their http(s) or
 * mailto target in brackets. The result is text to be stored and shown as text, never rendered as HTML.
 */
final class HtmlToText {

    /** Elements whose content is not text for a reader. */
    private static final Set<String> DROPPED = Set.of("script", "style", "head", "title", "template", "noscript",
            "iframe", "object", "embed", "svg", "math", "applet", "frameset", "select", "button", "xml");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "center", "dd",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot",
            "tr", "ul", "caption", "body", "html");
    private static final Pattern HREF = Pattern.compile(
            "\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ensp", " "), Map.entry("emsp", " "),
            Map.entry("thinsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("bull", "•"),
            Map.entry("middot", "·"), Map.entry("yen", "¥"), Map.entry("euro", "€"), Map.entry("pound", "£"),
            Map.entry("cent", "¢"), Map.entry("sect", "§"), Map.entry("deg", "°"), Map.entry("times", "×"),
            Map.entry("divide", "÷"), Map.entry("larr", "←"), Map.entry("rarr", "→"), Map.entry("uarr", "↑"),
            Map.entry("darr", "↓"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("shy", ""),
            Map.entry("zwsp", ""), Map.entry("zwnj", ""), Map.entry("zwj", ""));

    private final String html;
    private final StringBuilder out = new StringBuilder();
    private int position;
    private int pre;
    private boolean pendingSpace;
    private String pendingHref;

    private HtmlToText(String html) {
        this.html = html;
    }

    static String convert(String html) {
        HtmlToText converter = new HtmlToText(html);
        converter.run();
        return tidy(converter.out);
    }

    private void run() {
        int length = html.length();
        while (position < length) {
            char c = html.charAt(position);
            if (c == '<' && position + 1 < length && startsMarkup(html.charAt(position + 1))) {
                markup();
            } else if (c == '&') {
                entity();
            } else {
                text(c);
                position++;
            }
        }
    }

    private static boolean startsMarkup(char next) {
        return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    private void markup() {
        if (html.startsWith("<!--", position)) {
            int end = html.indexOf("-->", position + 4);
            position = end < 0 ? html.length() : end + 3;
            return;
        }
        char next = html.charAt(position + 1);
        if (next == '!' || next == '?') { // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
            int end = html.startsWith("<![CDATA[", position) ? html.indexOf("]]>", position) : -1;
            end = end >= 0 ? end + 2 : html.indexOf('>', position);
            position = end < 0 ? html.length() : end + 1;
            return;
        }
        int end = tagEnd(position + 1);
        String tag = html.substring(position + 1, end < 0 ? html.length() : end);
        position = end < 0 ? html.length() : end + 1;
        boolean closing = tag.startsWith("/");
        String name = tagName(closing ? tag.substring(1) : tag);
        if (name.isEmpty()) {
            return;
        }
        if (!closing && DROPPED.contains(name) && !tag.endsWith("/")) {
            skipElement(name);
            return;
        }
        switch (name) {
            case "br" -> newline();
            case "li" -> {
                if (!closing) {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        newline();
                    }
                    out.append("- ");
                    pendingSpace = false;
                }
            }
            case "td", "th" -> pendingSpace = true;
            case "pre" -> {
                pre = Math.max(0, pre + (closing ? -1 : 1));
                newline();
            }
            case "a" -> link(closing, tag);
            case "img" -> {
                // images carry no text worth keeping; their alt text is usually decoration
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    paragraph(name);
                }
            }
        }
    }

    private void link(boolean closing, String tag) {
        if (!closing) {
            Matcher href = HREF.matcher(tag);
            String target = null;
            if (href.find()) {
                target = href.group(1) != null ? href.group(1) : href.group(2) != null ? href.group(2) : href.group(3);
                target = decodeEntities(target).strip();
                String lower = target.toLowerCase(Locale.ROOT);
                if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:"))) {
                    target = null; // javascript:, data:, relative links: nothing a reader could use
                }
            }
            pendingHref = target;
            return;
        }
        if (pendingHref != null) {
            String shown = pendingHref.startsWith("mailto:") ? pendingHref.substring(7) : pendingHref;
            if (out.indexOf(shown, Math.max(0, out.length() - shown.length() - 2)) < 0) {
                appendText(" <" + pendingHref + ">");
            }
            pendingHref = null;
        }
    }

    /** Where the tag that starts after {@code <} ends: its {@code >}, skipping quoted attribute values. */
    private int tagEnd(int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static String tagName(String tag) {
        int end = 0;
        while (end < tag.length() && (Character.isLetterOrDigit(tag.charAt(end)) || tag.charAt(end) == '-'
                || tag.charAt(end) == ':')) {
            end++;
        }
        return tag.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Skip to the end of {@code </name>}; script and style contents are never looked into. */
    private void skipElement(String name) {
        String endTag = "</" + name;
        int from = position;
        while (true) {
            int close = indexIgnoringCase(endTag, from);
            if (close < 0) {
                position = html.length();
                return;
            }
            int after = close + 2 + name.length();
            if (after >= html.length() || !Character.isLetterOrDigit(html.charAt(after))) {
                int end = html.indexOf('>', after);
                position = end < 0 ? html.length() : end + 1;
                return;
            }
            from = after;
        }
    }

    private int indexIgnoringCase(String wanted, int from) {
        for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i, wanted, 0, wanted.length())) {
                return i;
            }
        }
        return -1;
    }

    private void entity() {
        int semicolon = html.indexOf(';', position);
        if (semicolon > position + 1 && semicolon - position <= 32) {
            String name = html.substring(position + 1, semicolon);
            String value = entityValue(name);
            if (value != null) {
                appendText(value);
                position = semicolon + 1;
                return;
            }
        }
        text('&');
        position++;
    }

    private static String entityValue(String name) {
        if (name.startsWith("#")) {
            try {
                int codePoint = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                        || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                    return "\uFFFD";
                }
                return new String(Character.toChars(codePoint));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String value = ENTITIES.get(name);
        return value != null ? value : ENTITIES.get(name.toLowerCase(Locale.ROOT));
    }

    private static String decodeEntities(String text) {
        StringBuilder result = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int semicolon = text.indexOf(';', i);
            if (text.charAt(i) == '&' && semicolon > i + 1) {
                String value = entityValue(text.substring(i + 1, semicolon));
                if (value != null) {
                    result.append(value);
                    i = semicolon + 1;
                    continue;
                }
            }
            result.append(text.charAt(i++));
        }
        return result.toString();
    }

    private void appendText(String text) {
        for (int i = 0; i < text.length(); i++) {
            text(text.charAt(i));
        }
    }

    private void text(char c) {
        if (pre > 0) {
            out.append(c == '\r' ? '\n' : c);
            pendingSpace = false;
            return;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            pendingSpace = true;
            return;
        }
        if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append(' ');
        }
        pendingSpace = false;
        out.append(c);
    }

    private void newline() {
        out.append('\n');
        pendingSpace = false;
    }

    private void paragraph(String name) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        if (name.equals("p") || name.startsWith("h") && name.length() == 2 || name.equals("table")
                || name.equals("blockquote")) {
            out.append('\n');
        }
        pendingSpace = false;
    }

    /** Control characters out, trailing blanks off, at most one empty line in a row. */
    private static String tidy(CharSequence text) {
        StringBuilder result = new StringBuilder(text.length());
        int blankLines = 0;
        for (String line : text.toString().split("\n", -1)) {
            String clean = line.replaceAll("[\\p{Cc}&&[^\\t]]", "").stripTrailing();
            if (clean.isBlank()) {
                blankLines++;
                if (blankLines > 1 || result.length() == 0) {
                    continue;
                }
                result.append('\n');
                continue;
            }
            blankLines = 0;
            result.append(clean).append('\n');
        }
        return result.toString().strip();
    }
}
