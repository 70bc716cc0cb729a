package io.opsflow.messaging.channel;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.inbox.Inbox;
import org.springframework.stereotype.Component;

/** In-app: a row in the recipient's inbox, written in the same transaction that marks the message sent. */
@Component
class InAppChannel implements Channel {

    private final Inbox inbox;

    InAppChannel(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public ChannelType type() {
        return ChannelType.IN_APP;
    }

    @Override
    public void deliver(Delivery delivery, ChannelConfig config) {
        if (delivery.address() == null || delivery.address().isBlank()) {
            throw DeliveryException.permanent("in-app messages go to Opsflow users; '" + delivery.recipient() + "' is not one");
        }
        inbox.add(delivery.address(), delivery.messageId(), delivery.subject(), delivery.body());
    }

    @Override
    public void validate(ChannelConfig config) {
        // nothing to configure
    }
}
