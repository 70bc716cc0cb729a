package io.opsflow.messaging.channel;

/**
 * A channel could not deliver. {@code retryable} says whether trying again later may help (server
 * down, HTTP 5xx, timeout) or not (malformed address, refused target, HTTP 4xx).
 */
public class DeliveryException extends RuntimeException {

    private final boolean retryable;

    private DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public static DeliveryException retryable(String message, Throwable cause) {
        return new DeliveryException(message, true, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
