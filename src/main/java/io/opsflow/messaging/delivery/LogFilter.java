package io.opsflow.messaging.delivery;

import io.opsflow.messaging.MessageStatus;

/** Send-log search: every non-null field narrows the result; {@code text} searches recipient, subject, body and error. */
public record LogFilter(
        MessageStatus status, String channel, String recipient, String processInstanceId, String template, String text) {}
