package io.opsflow.messaging;

/**
 * A delivery attempt failed. {@code finalFailure} is true when no further attempt follows (the
 * message is dead-lettered or cannot be delivered at all) — the moment to alert someone.
 */
public record MessageFailed(
        String messageId,
        ChannelType channelType,
        String recipient,
        String templateCode,
        String processInstanceId,
        String error,
        boolean finalFailure) {}
