package io.opsflow.messaging.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.messaging.ChannelType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Mobile push through a push gateway's HTTP API (an FCM/APNs relay, JPush, …): a signed JSON POST
 * {@code {to, title, body, idempotencyKey}}; {@code to} is the user id or a device token.
 */
@Component
class PushChannel implements Channel {

    private final WebhookPoster poster;
    private final ObjectMapper json;

    PushChannel(WebhookPoster poster, ObjectMapper json) {
        this.poster = poster;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.PUSH;
    }

    @Override
    public void deliver(Delivery delivery, ChannelConfig config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", delivery.address());
        body.put("title", delivery.subject());
        body.put("body", delivery.body());
        body.put("idempotencyKey", delivery.idempotencyKey());
        try {
            poster.post(config, config.setting("url", ""), json.writeValueAsString(body), delivery.idempotencyKey());
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent("cannot write the push request");
        }
    }

    @Override
    public void validate(ChannelConfig config) {
        if (config.setting("url", null) == null) {
            throw new IllegalArgumentException("a push channel needs settings.url (the push gateway endpoint)");
        }
    }
}
