package io.opsflow.workorder.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times on the plan pages, in the plan's own zone with the weekday: {@code Tue 2031-03-11 00:00 Asia/Shanghai}. */
public final class PlanTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    public String text(Instant instant, ZoneId zone) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone)) + " " + zone.getId();
    }
}
