package io.opsflow.tasklist.form;

/** A formKey names no file in {@code forms/}, or the file is not a valid form. */
public class UnknownFormException extends RuntimeException {

    public UnknownFormException(String message, Throwable cause) {
        super(message, cause);
    }
}
