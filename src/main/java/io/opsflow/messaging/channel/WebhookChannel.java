package io.opsflow.messaging.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.messaging.ChannelType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Webhook: one signed JSON POST per message to the configured {@code url}. {@code payload} chooses the
 * body: {@code GENERIC} (all message fields, for integrators) or the text-message shape of a WeCom,
 * DingTalk or Feishu group robot.
 */
@Component
class WebhookChannel implements Channel {

    private final WebhookPoster poster;
    private final ObjectMapper json;

    WebhookChannel(WebhookPoster poster, ObjectMapper json) {
        this.poster = poster;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void deliver(Delivery delivery, ChannelConfig config) {
        poster.post(config, config.setting("url", ""), body(delivery, config.setting("payload", "GENERIC")), delivery.idempotencyKey());
    }

    @Override
    public void validate(ChannelConfig config) {
        if (config.setting("url", null) == null) {
            throw new IllegalArgumentException("a webhook channel needs settings.url");
        }
        String payload = config.setting("payload", "GENERIC").toUpperCase(Locale.ROOT);
        if (!Map.of("GENERIC", 1, "WECOM", 1, "DINGTALK", 1, "FEISHU", 1).containsKey(payload)) {
            throw new IllegalArgumentException("settings.payload must be GENERIC, WECOM, DINGTALK or FEISHU");
        }
    }

    private String body(Delivery d, String payload) {
        String text = d.subject() == null ? d.body() : d.subject() + "\n" + d.body();
        Object body = switch (payload.toUpperCase(Locale.ROOT)) {
            case "WECOM", "DINGTALK" -> Map.of("msgtype", "text", "text", Map.of("content", text));
            case "FEISHU" -> Map.of("msg_type", "text", "content", Map.of("text", text));
            default -> generic(d);
        };
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent("cannot write the webhook body");
        }
    }

    static Map<String, Object> generic(Delivery d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", d.messageId());
        body.put("idempotencyKey", d.idempotencyKey());
        body.put("recipient", d.recipient());
        body.put("address", d.address());
        body.put("subject", d.subject());
        body.put("body", d.body());
        body.put("format", d.format() == null ? null : d.format().name());
        body.put("template", d.templateCode());
        body.put("processInstanceId", d.processInstanceId());
        body.put("taskId", d.taskId());
        return body;
    }
}
