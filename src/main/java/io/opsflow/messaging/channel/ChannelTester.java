package io.opsflow.messaging.channel;

import io.opsflow.messaging.template.TemplateFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** "Send test": one message straight through a channel, now, with the outcome shown to the admin. Not logged. */
@Component
public class ChannelTester {

    private final Channels channels;

    ChannelTester(Channels channels) {
        this.channels = channels;
    }

    public record Result(boolean delivered, String error) {}

    public Result test(ChannelConfig config, String to) {
        String id = UUID.randomUUID().toString();
        var delivery = new Delivery(id, "test-" + id, to, to, "Opsflow test message",
                "This is a test message from Opsflow channel '" + config.name() + "'.", TemplateFormat.TEXT, null, null, null);
        try {
            channels.of(config.type()).deliver(delivery, config);
            return new Result(true, null);
        } catch (DeliveryException | IllegalStateException e) {
            return new Result(false, e.getMessage());
        }
    }
}
