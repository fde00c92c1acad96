package io.incidentflow.acklink;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link itself is the credential: whoever holds it may acknowledge, once, as the contact it names. No login
 * and no CSRF token: a forged cross-site POST would need the token in its URL, and with the token one can
 * acknowledge directly anyway.
 */
@RestController
class AckLinkController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final LinkAcknowledgement acknowledgement;

    AckLinkController(LinkAcknowledgement acknowledgement) {
        this.acknowledgement = acknowledgement;
    }

    /** Mail scanners and link previews fetch this: it only asks. */
    @GetMapping(AcknowledgeLinks.PATH + "{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        return html(HttpStatus.OK, AckPages.confirm(acknowledgement.preview(token)));
    }

    @PostMapping(AcknowledgeLinks.PATH + "{token}")
    ResponseEntity<String> acknowledge(@PathVariable String token) {
        return html(HttpStatus.OK, AckPages.done(acknowledgement.acknowledge(token)));
    }

    @ExceptionHandler(AckLinkRejectedException.class)
    ResponseEntity<String> rejected(AckLinkRejectedException e) {
        return html(e.reason().status, AckPages.rejected(e.reason()));
    }

    /** The token must not leave in a Referer header, nor stay in a shared cache. */
    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .body(page);
    }
}
