package io.opsflow.messaging.channel;

import io.opsflow.messaging.ChannelType;
import java.util.Map;

/** A channel config as the API and pages show it: never the secret, only where it comes from. */
public record ChannelView(
        String id,
        String name,
        ChannelType type,
        boolean isDefault,
        boolean enabled,
        Map<String, String> settings,
        String secret,
        boolean allowPrivateTargets) {

    public static ChannelView of(ChannelConfig c) {
        String secret = !c.hasSecret() ? "none" : c.secret().startsWith("${") ? "environment " + c.secret() : "stored encrypted";
        return new ChannelView(c.id(), c.name(), c.type(), c.isDefault(), c.enabled(), c.settings(), secret, c.allowPrivateTargets());
    }
}
