package io.opsflow.messaging.delivery;

/** Thrown after the last attempt so that Flowable moves the delivery job to the dead-letter table. */
class UndeliverableMessageException extends RuntimeException {

    UndeliverableMessageException(String message) {
        super(message);
    }
}
