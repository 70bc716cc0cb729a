package io.opsflow.messaging.template;

/** A template that cannot be rendered: malformed placeholder, missing variable, unknown template. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
