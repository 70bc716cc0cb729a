package io.opsflow.messaging;

/**
 * Where a message is in its life: QUEUED (recorded, waiting for its delivery job), SENT, RETRIED
 * (an attempt failed, another is scheduled), DEAD (all attempts failed; a Flowable dead-letter job
 * holds the last error) and FAILED (cannot be delivered at all: unknown template, bad address, …).
 */
public enum MessageStatus {
    QUEUED,
    SENT,
    RETRIED,
    DEAD,
    FAILED
}
