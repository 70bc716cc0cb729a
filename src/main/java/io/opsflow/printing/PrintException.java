package io.opsflow.printing;

/** A PDF could not be printed: unknown template, a template error, too large, too slow, or no font. */
public class PrintException extends RuntimeException {

    public PrintException(String message) {
        super(message);
    }

    public PrintException(String message, Throwable cause) {
        super(message, cause);
    }
}
