package io.incidentflow.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Six-digit activation codes. Only a salted hash is stored, so that codes appear in no dump or backup. A million
 * codes are quickly tried against a hash offline; what keeps a code from being guessed is its short life and the
 * few attempts allowed online.
 */
final class ActivationCodes {

    static final Pattern FORMAT = Pattern.compile("[0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ActivationCodes() {
    }

    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** {@code salt:sha256(salt || code)}, both hex. */
    static String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt) + ":" + HEX.formatHex(digest(salt, code));
    }

    static boolean matches(String code, String stored) {
        int colon = stored.indexOf(':');
        byte[] salt = HEX.parseHex(stored, 0, colon);
        byte[] expected = HEX.parseHex(stored, colon + 1, stored.length());
        return MessageDigest.isEqual(expected, digest(salt, code));
    }

    private static byte[] digest(byte[] salt, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
