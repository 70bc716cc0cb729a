package io.opsflow.messaging.delivery;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.template.MessageTemplate;
import io.opsflow.messaging.template.Templates;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which template version goes over which channel config: the named channel (or the default config of
 * a named type), else every channel type the template has a version for, each to its default config.
 * A target that cannot work carries the reason instead.
 */
@Component
class DeliveryTargets {

    record Target(MessageTemplate template, ChannelConfig config, String problem, ChannelType type) {}

    private final Templates templates;
    private final ChannelConfigs configs;

    DeliveryTargets(Templates templates, ChannelConfigs configs) {
        this.templates = templates;
        this.configs = configs;
    }

    List<Target> of(MessageRequest request) {
        List<MessageTemplate> versions = templates.byCode(request.template());
        if (request.channel() != null && !request.channel().isBlank()) {
            ChannelConfig config = configs.byNameOrType(request.channel()).orElse(null);
            if (config == null) {
                return List.of(new Target(null, null, "unknown channel '" + request.channel() + "'", null));
            }
            MessageTemplate template = versions.stream().filter(t -> t.channelType() == config.type()).findFirst().orElse(null);
            String problem = template != null ? null : versions.isEmpty()
                    ? "unknown template '" + request.template() + "'"
                    : "template '" + request.template() + "' has no " + config.type() + " version";
            return List.of(new Target(template, config, problem, config.type()));
        }
        if (versions.isEmpty()) {
            return List.of(new Target(null, null, "unknown template '" + request.template() + "'", null));
        }
        return versions.stream()
                .map(t -> configs.defaultFor(t.channelType())
                        .map(c -> new Target(t, c, null, t.channelType()))
                        .orElse(new Target(t, null, "no enabled " + t.channelType() + " channel is configured", t.channelType())))
                .toList();
    }

}
