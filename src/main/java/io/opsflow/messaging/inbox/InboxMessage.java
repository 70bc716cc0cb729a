package io.opsflow.messaging.inbox;

import java.time.Instant;

/** One message in a user's inbox. */
public record InboxMessage(String id, String subject, String body, Instant createdAt, boolean read) {}
