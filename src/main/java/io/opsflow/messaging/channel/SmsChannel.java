package io.opsflow.messaging.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.messaging.ChannelType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * SMS through a provider's HTTP API (or a small relay in front of Aliyun/Tencent SMS): a signed JSON
 * POST {@code {to, text, sender, idempotencyKey}} to {@code settings.url}. The address is a phone number.
 */
@Component
class SmsChannel implements Channel {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");

    private final WebhookPoster poster;
    private final ObjectMapper json;

    SmsChannel(WebhookPoster poster, ObjectMapper json) {
        this.poster = poster;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public void deliver(Delivery delivery, ChannelConfig config) {
        if (delivery.address() == null || !PHONE.matcher(delivery.address()).matches()) {
            throw DeliveryException.permanent("'" + delivery.recipient() + "' has no valid phone number");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", delivery.address().replace(" ", "").replace("-", ""));
        body.put("text", delivery.body());
        body.put("sender", config.setting("sender", null));
        body.put("idempotencyKey", delivery.idempotencyKey());
        try {
            poster.post(config, config.setting("url", ""), json.writeValueAsString(body), delivery.idempotencyKey());
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent("cannot write the SMS request");
        }
    }

    @Override
    public void validate(ChannelConfig config) {
        if (config.setting("url", null) == null) {
            throw new IllegalArgumentException("an SMS channel needs settings.url (the provider or relay endpoint)");
        }
    }
}
