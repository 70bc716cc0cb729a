package io.opsflow.tasklist.task;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The one way pages write a point in time: {@code 2026-11-23 09:40}, server time zone. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {}

    public static String text(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ZoneId.systemDefault()));
    }
}
