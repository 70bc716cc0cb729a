package io.opsflow.messaging.channel;

import io.opsflow.messaging.ChannelType;
import java.util.Map;

/**
 * What an admin sends to create or change a channel. {@code secret}: omitted or null keeps the stored
 * one, "" removes it, {@code ${ENV_NAME}} refers to an environment variable, anything else is encrypted.
 */
public record ChannelInput(
        String name,
        ChannelType type,
        boolean isDefault,
        Boolean enabled,
        Map<String, String> settings,
        String secret,
        boolean allowPrivateTargets) {

    public ChannelConfig toConfig(String id) {
        return new ChannelConfig(id, name, type, isDefault, enabled == null || enabled, settings, null, allowPrivateTargets);
    }
}
