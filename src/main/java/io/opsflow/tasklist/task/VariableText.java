package io.opsflow.tasklist.task;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** A process variable as the text a form or page shows — literally, never interpreted. */
public final class VariableText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private VariableText() {}

    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Date date) {
            return DATE_TIME.format(date.toInstant().atZone(ZoneId.systemDefault()));
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)";
        }
        return String.valueOf(value);
    }
}
