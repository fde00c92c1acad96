package io.incidentflow.acklink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.incidentflow.acklink.AckLinkRejectedException.Reason;
import io.incidentflow.support.AdjustableClock;

import org.junit.jupiter.api.Test;

/** The token's signature, content and expiry, without a database (the secret is configured). */
class AcknowledgeLinksTest {

    static final String SECRET = "a-test-secret-of-at-least-32-characters";
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    final AdjustableClock clock = new AdjustableClock(NOW);
    final AcknowledgeLinks links = links(SECRET, "https://incidents.example.co.jp/");

    @Test
    void linkIsAbsoluteUnderTheBaseUrlAndCarriesIncidentContactExpiryAndARandomId() {
        String link = links.linkFor("INC-000042", "hanako");

        assertThat(link).startsWith("https://incidents.example.co.jp/ack/");
        AckToken token = links.verify(token(link));
        assertThat(token.incidentNumber()).isEqualTo("INC-000042");
        assertThat(token.contactId()).isEqualTo("hanako");
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(token.id()).hasSize(22);
        assertThat(links.verify(token(links.linkFor("INC-000042", "hanako"))).id()).isNotEqualTo(token.id());
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = token(links.linkFor("INC-000042", "hanako")).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("INC-000042", "INC-000043").getBytes(StandardCharsets.UTF_8));

        assertRejected(forged + "." + parts[1], Reason.INVALID);
    }

    @Test
    void tamperedSignatureIsRejected() {
        assertRejected(withOtherSignature(token(links.linkFor("INC-000042", "hanako"))), Reason.INVALID);
    }

    @Test
    void linkSignedWithAnotherSecretIsRejected() {
        String foreign = token(links("another-secret-of-at-least-32-characters", "http://localhost:8080")
                .linkFor("INC-000042", "hanako"));

        assertRejected(foreign, Reason.INVALID);
    }

    @Test
    void garbageIsRejectedAsInvalid() {
        for (String garbage : new String[] {"", ".", "abc", "abc.", ".abc", "not base64!.x", "a".repeat(2000)}) {
            assertRejected(garbage, Reason.INVALID);
        }
    }

    @Test
    void linkIsValidUntilItsExpiryAndRejectedFromThen() {
        String token = token(links.linkFor("INC-000042", "hanako"));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(links.verify(token).contactId()).isEqualTo("hanako");
        clock.advance(Duration.ofSeconds(1));
        assertRejected(token, Reason.EXPIRED);
    }

    @Test
    void blankOrMultiLineValuesAreRefusedWhenMakingALink() {
        assertThatIllegalArgumentException().isThrownBy(() -> links.linkFor(" ", "hanako"))
                .withMessageContaining("incidentNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> links.linkFor("INC-000042", "hana\nko"))
                .withMessageContaining("contactId");
    }

    private AcknowledgeLinks links(String secret, String baseUrl) {
        AckLinkProperties properties = new AckLinkProperties(baseUrl, secret, Duration.ofHours(24));
        return new AcknowledgeLinks(properties, new AckLinkKey(null, secret, clock), clock);
    }

    private void assertRejected(String token, Reason reason) {
        assertThatThrownBy(() -> links.verify(token)).isInstanceOfSatisfying(AckLinkRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** Changes a character that carries signature bits (the last one partly holds padding bits only). */
    static String withOtherSignature(String token) {
        char changed = token.charAt(token.length() - 2) == 'A' ? 'B' : 'A';
        return token.substring(0, token.length() - 2) + changed + token.charAt(token.length() - 1);
    }

    static String token(String link) {
        return link.substring(link.indexOf(AcknowledgeLinks.PATH) + AcknowledgeLinks.PATH.length());
    }
}
