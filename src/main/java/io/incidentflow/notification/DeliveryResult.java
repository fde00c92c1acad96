package io.incidentflow.notification;

/**
 * How an attempt ended.
 *
 * @param detail for a sent message what is worth keeping (an HTTP status, a charset fallback); for a failed one
 *               the error. Never a secret: no webhook URL, no activation code.
 */
public record DeliveryResult(boolean sent, String detail) {

    public static DeliveryResult sent(String detail) {
        return new DeliveryResult(true, detail);
    }

    public static DeliveryResult failed(String error) {
        return new DeliveryResult(false, error);
    }
}
