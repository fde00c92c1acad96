package io.incidentflow.acklink;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.incidentflow.acklink.AckLinkRejectedException.Reason;
import io.incidentflow.engagement.AckLinkFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One-click acknowledge links for notifications: {@code <base-url>/ack/<token>}, where the token is
 * {@code base64url(payload).base64url(HMAC-SHA256(payload))} and the payload names the incident, the contact,
 * the expiry and a random id. Opening the link changes nothing; its page's button acknowledges, once.
 */
@Component
public class AcknowledgeLinks implements AckLinkFactory {

    static final String PATH = "/ack/";
    private static final String VERSION = "1";
    private static final String HMAC = "HmacSHA256";
    private static final int ID_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 1000;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final AckLinkProperties properties;
    private final AckLinkKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    AcknowledgeLinks(AckLinkProperties properties, AckLinkKey key) {
        this(properties, key, Clock.systemUTC());
    }

    AcknowledgeLinks(AckLinkProperties properties, AckLinkKey key, Clock clock) {
        this.properties = properties;
        this.key = key;
        this.clock = clock;
    }

    /**
     * The absolute link with which {@code contactId} acknowledges incident {@code incidentNumber} (e.g.
     * INC-000042), valid for {@code incidentflow.ack-links.validity} from now.
     *
     * @throws IllegalArgumentException when the number or the contact is blank, too long or has control characters
     */
    @Override
    public String linkFor(String incidentNumber, String contactId) {
        String payload = String.join("\n", VERSION, checked("incidentNumber", incidentNumber, 20),
                checked("contactId", contactId, 100),
                Long.toString(clock.instant().plus(properties.validity()).getEpochSecond()), randomId());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return properties.base() + PATH + BASE64.encodeToString(bytes) + "." + BASE64.encodeToString(mac(bytes));
    }

    /** The token's content once its signature and expiry hold. */
    AckToken verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new AckLinkRejectedException(Reason.INVALID);
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new AckLinkRejectedException(Reason.INVALID);
        }
        // Constant time: the comparison must not tell a forger how many bytes were right.
        if (dot <= 0 || !MessageDigest.isEqual(mac(payload), signature)) {
            throw new AckLinkRejectedException(Reason.INVALID);
        }
        AckToken parsed = parse(new String(payload, StandardCharsets.UTF_8));
        if (!clock.instant().isBefore(parsed.expiresAt())) {
            throw new AckLinkRejectedException(Reason.EXPIRED);
        }
        return parsed;
    }

    private static AckToken parse(String payload) {
        List<String> fields = List.of(payload.split("\n", -1));
        if (fields.size() != 5 || !VERSION.equals(fields.get(0))) {
            throw new AckLinkRejectedException(Reason.INVALID);
        }
        try {
            return new AckToken(fields.get(4), fields.get(1), fields.get(2),
                    Instant.ofEpochSecond(Long.parseLong(fields.get(3))));
        } catch (NumberFormatException e) {
            throw new AckLinkRejectedException(Reason.INVALID);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.bytes(), HMAC));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String randomId() {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return BASE64.encodeToString(id);
    }

    private static String checked(String name, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength
                    + " characters without control characters, was " + value);
        }
        return value;
    }
}
