package io.opsflow.messaging.channel;

import io.opsflow.messaging.ChannelType;
import java.util.Map;

/**
 * One configured channel, e.g. "ops-mail" (EMAIL, smtp.example.com:587) or "wecom-ops-room"
 * (WEBHOOK). {@code secret} is the stored form (encrypted or an {@code ${ENV}} reference) and never
 * leaves the server; {@link SecretBox#reveal} turns it into the real value at send time.
 */
public record ChannelConfig(
        String id,
        String name,
        ChannelType type,
        boolean isDefault,
        boolean enabled,
        Map<String, String> settings,
        String secret,
        boolean allowPrivateTargets) {

    public ChannelConfig {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public String setting(String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int intSetting(String key, int fallback) {
        try {
            return Integer.parseInt(setting(key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
