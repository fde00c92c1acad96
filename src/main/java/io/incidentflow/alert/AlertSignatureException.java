package io.incidentflow.alert;

/**
 * The payload's signature does not prove that it comes from its claimed sender (bad or missing signature,
 * certificate from an untrusted place). Still an {@link AlertFormatException} naming the field, but a distinct
 * type so that the endpoint can answer 403 instead of 400.
 */
public class AlertSignatureException extends AlertFormatException {

    public AlertSignatureException(String field, String message) {
        super(field, message);
    }
}
