package io.opsflow.messaging.template;

import io.opsflow.messaging.ChannelType;

/** A message text for one channel type; {@code code} is what callers and BPMN steps name. */
public record MessageTemplate(
        String id,
        String code,
        ChannelType channelType,
        TemplateFormat format,
        String subject,
        String body,
        String messageType,
        boolean urgent) {

    public MessageTemplate withId(String newId) {
        return new MessageTemplate(newId, code, channelType, format, subject, body, messageType, urgent);
    }
}
