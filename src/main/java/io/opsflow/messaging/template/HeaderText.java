package io.opsflow.messaging.template;

/** Text that ends up in a mail header or an HTTP header must stay on one line. */
public final class HeaderText {

    private HeaderText() {}

    public static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\u0085') >= 0
                || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0 || text.indexOf('\0') >= 0;
    }
}
