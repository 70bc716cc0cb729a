package io.opsflow.messaging.channel;

import io.opsflow.messaging.ChannelType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The channel strategy for each type. */
@Component
public class Channels {

    private final Map<ChannelType, Channel> byType = new EnumMap<>(ChannelType.class);

    Channels(List<Channel> channels) {
        channels.forEach(channel -> byType.put(channel.type(), channel));
    }

    public Channel of(ChannelType type) {
        Channel channel = byType.get(type);
        if (channel == null) {
            throw DeliveryException.permanent("no channel implementation for " + type);
        }
        return channel;
    }
}
