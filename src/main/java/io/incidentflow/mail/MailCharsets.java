package io.incidentflow.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.MimeUtility;

/**
 * Bytes of a mail → text, without mojibake for the Japanese mail that real mailers send:
 * <ul>
 * <li>ISO-2022-JP: decoded strictly first; when that fails (Microsoft's extensions such as ① ㈱, sent by
 * Outlook under the plain label) decoded as {@code x-windows-iso2022jp}, then CP50221.</li>
 * <li>Shift_JIS (and its aliases): always decoded as {@code windows-31j}, the superset Windows actually
 * sends (NEC and IBM extensions: ① ㈱ 髙 﨑, and ～ as U+FF5E).</li>
 * <li>EUC-JP: strictly, then {@code x-eucJP-Open} (with the NEC/IBM extensions).</li>
 * <li>No label, or a label of us-ascii with 8-bit or escape bytes: detected (UTF-8, ISO-2022-JP by its escape
 * sequences, then a hint such as the charset of the body, then windows-31j or EUC-JP, whichever decodes).</li>
 * </ul>
 * Never throws: an unknown label falls back to detection, undecodable bytes become U+FFFD.
 */
final class MailCharsets {

    private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
    private static final Charset MS_ISO_2022_JP = Charset.forName("x-windows-iso2022jp");
    private static final Charset CP50221 = Charset.forName("x-windows-50221");
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");
    private static final Charset EUC_JP_OPEN = Charset.forName("x-eucJP-Open");
    private static final byte ESC = 0x1B;

    private MailCharsets() {
    }

    /**
     * @param label the MIME charset label as sent (any case, maybe quoted); null or blank when none
     * @param hint  what to try first when the label gives nothing (e.g. the charset of the body); may be null
     */
    static String decode(byte[] bytes, String label, String hint) {
        if (bytes.length == 0) {
            return "";
        }
        String name = normalise(label);
        if (name == null || name.equals("us-ascii") || name.equals("ascii") || name.equals("ansi_x3.4-1968")) {
            return detect(bytes, hint);
        }
        return switch (name) {
            case "iso-2022-jp", "csiso2022jp", "iso2022jp", "jis", "iso-2022-jp-1", "iso-2022-jp-3",
                 "iso-2022-jp-2004", "x-windows-iso2022jp", "cp50220", "cp50221", "cp50222" -> decodeIso2022Jp(bytes);
            case "iso-2022-jp-2", "csiso2022jp2" -> firstStrict(bytes, List.of(Charset.forName("ISO-2022-JP-2"),
                    MS_ISO_2022_JP, CP50221)).orElseGet(() -> lenient(bytes, MS_ISO_2022_JP));
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cswindows31j",
                 "cp932", "ms932", "x-ms-cp932", "shift_jis-2004", "shift_jisx0213" -> lenient(bytes, WINDOWS_31J);
            case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "x-eucjp-open", "euc-jis-2004" ->
                    firstStrict(bytes, List.of(EUC_JP, EUC_JP_OPEN)).orElseGet(() -> lenient(bytes, EUC_JP_OPEN));
            case "utf-8", "utf8" -> stripBom(lenient(bytes, StandardCharsets.UTF_8));
            default -> javaCharset(name)
                    .map(charset -> strict(bytes, charset).orElseGet(() -> detectOr(bytes, hint, charset)))
                    .orElseGet(() -> detect(bytes, hint));
        };
    }

    /** The charset a label stands for, used to decode 8-bit header bytes that came without a label. */
    static String normalise(String label) {
        if (label == null) {
            return null;
        }
        String name = label.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        int language = name.indexOf('*'); // RFC 2231 language suffix: ISO-2022-JP*ja
        if (language >= 0) {
            name = name.substring(0, language);
        }
        return name.isEmpty() ? null : name.toLowerCase(Locale.ROOT);
    }

    private static String decodeIso2022Jp(byte[] bytes) {
        Optional<String> text = firstStrict(bytes, List.of(ISO_2022_JP, MS_ISO_2022_JP, CP50221));
        if (text.isPresent()) {
            return text.get();
        }
        // 8-bit bytes under a 7-bit label: a mailer that labelled Shift_JIS or UTF-8 as ISO-2022-JP
        return isAscii(bytes) ? lenient(bytes, MS_ISO_2022_JP) : detect(bytes, null);
    }

    /** Unlabelled bytes: the first reading that decodes without error. */
    private static String detect(byte[] bytes, String hint) {
        if (isAscii(bytes)) {
            return indexOf(bytes, ESC) >= 0 ? decodeIso2022Jp(bytes) : new String(bytes, StandardCharsets.US_ASCII);
        }
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return stripBom(utf8.get());
        }
        String hintName = normalise(hint);
        if (hintName != null && !hintName.equals("us-ascii") && !hintName.equals("utf-8")) {
            String viaHint = decode(bytes, hintName, null);
            if (viaHint.indexOf('\uFFFD') < 0) {
                return viaHint;
            }
        }
        return firstStrict(bytes, List.of(WINDOWS_31J, EUC_JP, EUC_JP_OPEN))
                .orElseGet(() -> lenient(bytes, WINDOWS_31J));
    }

    private static String detectOr(byte[] bytes, String hint, Charset labelled) {
        String detected = detect(bytes, hint);
        return detected.indexOf('\uFFFD') < 0 ? detected : lenient(bytes, labelled);
    }

    private static Optional<Charset> javaCharset(String name) {
        for (String candidate : new String[] {name, MimeUtility.javaCharset(name)}) {
            try {
                if (candidate != null && Charset.isSupported(candidate)) {
                    return Optional.of(Charset.forName(candidate));
                }
            } catch (IllegalCharsetNameException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstStrict(byte[] bytes, List<Charset> charsets) {
        for (Charset charset : charsets) {
            Optional<String> text = strict(bytes, charset);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String lenient(byte[] bytes, Charset charset) {
        return new String(bytes, charset);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
