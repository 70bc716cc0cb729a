package io.opsflow.messaging.delivery;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.template.TemplateFormat;
import java.time.Instant;

/** One row of the send log: one message to one recipient over one channel. */
public record LogEntry(
        String id,
        String idempotencyKey,
        MessageStatus status,
        String channelId,
        String channelName,
        ChannelType channelType,
        String templateCode,
        String messageType,
        String recipient,
        String address,
        String subject,
        String body,
        TemplateFormat format,
        String processInstanceId,
        String activityId,
        String taskId,
        String error,
        int attempts,
        int maxAttempts,
        int backoffSeconds,
        String resentFrom,
        Instant notBefore,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt) {}
