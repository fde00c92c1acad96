package io.incidentflow.acklink;

import org.springframework.http.HttpStatus;

/** A link that acknowledges nothing, and why; the page says it in both languages. */
class AckLinkRejectedException extends RuntimeException {

    enum Reason {
        INVALID(HttpStatus.FORBIDDEN, "このリンクは無効です。", "This link is not valid."),
        EXPIRED(HttpStatus.GONE, "このリンクは有効期限が切れています。", "This link has expired."),
        USED(HttpStatus.CONFLICT, "このリンクは既に使用されています。", "This link has already been used."),
        UNKNOWN_INCIDENT(HttpStatus.NOT_FOUND, "インシデントが見つかりません。", "The incident does not exist.");

        final HttpStatus status;
        final String japanese;
        final String english;

        Reason(HttpStatus status, String japanese, String english) {
            this.status = status;
            this.japanese = japanese;
            this.english = english;
        }
    }

    private final Reason reason;

    AckLinkRejectedException(Reason reason) {
        super(reason.english);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
