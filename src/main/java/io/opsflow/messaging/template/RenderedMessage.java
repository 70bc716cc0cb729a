package io.opsflow.messaging.template;

/** A template filled in for one recipient. The subject is plain text on one line. */
public record RenderedMessage(String subject, String body, TemplateFormat format) {}
