package io.opsflow.messaging;

/** A message reached its channel (the SMTP server, the webhook receiver, the inbox). */
public record MessageSent(
        String messageId, ChannelType channelType, String recipient, String templateCode, String processInstanceId) {}
