package io.opsflow.workorder.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on the work-order pages, written in UTC; the pages call it as {@code times.text(order.dueAt)}. */
public final class DisplayTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String text(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
