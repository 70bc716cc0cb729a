package io.opsflow.messaging.channel;

import io.opsflow.messaging.ChannelType;

/** How messages go out over one kind of channel; one strategy class per {@link ChannelType}. */
public interface Channel {

    ChannelType type();

    /** Sends one message; throws {@link DeliveryException} saying whether a retry may help. */
    void deliver(Delivery delivery, ChannelConfig config);

    /** Rejects a config an admin is saving, with a message they can act on. */
    void validate(ChannelConfig config);
}
