package io.opsflow.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A message to send: which template, over which channel config (by name; empty means the default
 * config of the template's channel type), to whom, with which variables, and where it came from.
 *
 * @param template code of the template, e.g. {@code task-assigned}
 * @param channel name of a channel config, or a channel type such as {@code EMAIL}; null for the template's default
 * @param recipients users, groups or addresses; one message per resolved recipient
 * @param variables values for the template's {@code ${placeholders}}; never evaluated
 * @param processInstanceId the process instance that asked for it, if any (shown in the send log)
 * @param activityId the BPMN activity that asked for it, if any
 * @param taskId the user task it is about, if any
 * @param idempotencyKey the caller's key: a second request with the same key and recipient is ignored; null for none
 * @param maxAttempts delivery attempts before the message is dead-lettered (at least 1)
 * @param backoff wait before the second attempt; each further wait doubles
 */
public record MessageRequest(
        String template,
        String channel,
        List<Recipient> recipients,
        Map<String, Object> variables,
        String processInstanceId,
        String activityId,
        String taskId,
        String idempotencyKey,
        int maxAttempts,
        Duration backoff) {

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(10);

    public MessageRequest {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("a message needs a template");
        }
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        recipients = List.copyOf(recipients);
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        maxAttempts = maxAttempts < 1 ? DEFAULT_ATTEMPTS : maxAttempts;
        backoff = backoff == null || backoff.isNegative() ? DEFAULT_BACKOFF : backoff;
    }

    /** A message from Java code, with default retries. */
    public static MessageRequest of(String template, List<Recipient> recipients, Map<String, Object> variables) {
        return new MessageRequest(template, null, recipients, variables, null, null, null, null, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
    }

    public MessageRequest viaChannel(String channelNameOrType) {
        return new MessageRequest(template, channelNameOrType, recipients, variables, processInstanceId, activityId, taskId,
                idempotencyKey, maxAttempts, backoff);
    }

    public MessageRequest withIdempotencyKey(String key) {
        return new MessageRequest(template, channel, recipients, variables, processInstanceId, activityId, taskId, key,
                maxAttempts, backoff);
    }

    public MessageRequest withRetries(int attempts, Duration firstBackoff) {
        return new MessageRequest(template, channel, recipients, variables, processInstanceId, activityId, taskId,
                idempotencyKey, attempts, firstBackoff);
    }

    public MessageRequest forTask(String processInstanceId, String taskId) {
        return new MessageRequest(template, channel, recipients, variables, processInstanceId, activityId, taskId,
                idempotencyKey, maxAttempts, backoff);
    }
}
