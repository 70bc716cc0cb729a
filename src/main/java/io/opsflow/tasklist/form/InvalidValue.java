package io.opsflow.tasklist.form;

/** A field's value breaks a rule; the message is shown next to the field. */
class InvalidValue extends RuntimeException {

    InvalidValue(String message) {
        super(message, null, false, false);
    }
}
