package io.incidentflow.notification;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.incidentflow.contact.MailCharset;

/**
 * The charset of one mail: the contact's choice, else the rule for the recipient's domain, else UTF-8.
 *
 * <p>ISO-2022-JP (RFC 1468) carries ASCII and JIS X 0208 only. Java's encoder would turn anything else (①, ㈱, 髙,
 * ～ as Windows types it, emoji) into a replacement character, and writes half-width katakana with an escape
 * sequence that is not part of RFC 1468. Such a mail goes out in UTF-8 instead: every mailer in use today reads
 * UTF-8, while a lost character in an incident title is lost information. The note says which character forced it.
 */
record MailEncoding(String charset, String note) {

    static final String UTF_8 = MailCharset.UTF_8.label();
    static final String ISO_2022_JP = MailCharset.ISO_2022_JP.label();

    static MailEncoding choose(MailCharset preferred, List<NotificationProperties.CharsetRule> rules, String address,
            String... texts) {
        MailCharset wanted = preferred != null ? preferred : rules.stream()
                .filter(rule -> rule.matches(address))
                .map(NotificationProperties.CharsetRule::charset)
                .findFirst()
                .orElse(MailCharset.UTF_8);
        if (wanted == MailCharset.UTF_8) {
            return new MailEncoding(UTF_8, null);
        }
        Optional<String> offending = firstNotInIso2022Jp(texts);
        return offending.map(character -> new MailEncoding(UTF_8, "sent as UTF-8: ISO-2022-JP cannot carry '"
                        + character + "' (U+" + Integer.toHexString(character.codePointAt(0)).toUpperCase(Locale.ROOT)
                        + ")"))
                .orElseGet(() -> new MailEncoding(ISO_2022_JP, null));
    }

    private static Optional<String> firstNotInIso2022Jp(String... texts) {
        CharsetEncoder encoder = Charset.forName(ISO_2022_JP).newEncoder();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Optional<String> offending = text.codePoints()
                    .filter(cp -> isHalfWidthKatakana(cp) || !encoder.canEncode(Character.toString(cp)))
                    .mapToObj(Character::toString)
                    .findFirst();
            if (offending.isPresent()) {
                return offending;
            }
        }
        return Optional.empty();
    }

    private static boolean isHalfWidthKatakana(int codePoint) {
        return codePoint >= 0xFF61 && codePoint <= 0xFF9F;
    }
}
