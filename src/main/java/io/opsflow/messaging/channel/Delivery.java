package io.opsflow.messaging.channel;

import io.opsflow.messaging.template.TemplateFormat;

/** One rendered message to one recipient, as a channel gets it. */
public record Delivery(
        String messageId,
        String idempotencyKey,
        String recipient,
        String address,
        String subject,
        String body,
        TemplateFormat format,
        String templateCode,
        String processInstanceId,
        String taskId) {}
