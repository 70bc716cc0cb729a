package io.opsflow.messaging.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The key that travels with a message (SMTP Message-ID, webhook {@code Idempotency-Key}) and stays the
 * same for every attempt. It is stored with the message, so retries reuse it; these rules only decide
 * when two requests mean the same message.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    /** The n-th message of a BPMN step to one recipient (n counts loop iterations of the step). */
    static String forStep(String processInstanceId, String activityId, String template, String channelId, String recipient, long n) {
        return sha256("step", processInstanceId, activityId, template, channelId, recipient, String.valueOf(n));
    }

    /** A caller-supplied key: the same key to the same recipient over the same channel is one message. */
    static String forCaller(String callerKey, String channelId, String recipient) {
        return sha256("caller", callerKey, channelId, recipient);
    }

    static String unique() {
        return sha256("unique", UUID.randomUUID().toString());
    }

    private static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
