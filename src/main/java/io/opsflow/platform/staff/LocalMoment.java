package io.opsflow.platform.staff;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One instant as the wall clock of a time zone shows it: ISO day of week (Monday 1) and {@code HH:mm},
 * the form the working periods are stored in, so "is on shift" is a plain comparison in SQL.
 *
 * @param zone the time zone id as stored in {@code app_staff.time_zone}
 * @param isoDay 1 (Monday) to 7 (Sunday)
 * @param time {@code HH:mm}, 00:00 to 23:59
 */
public record LocalMoment(String zone, int isoDay, String time) {

    /** The default zone of a staff member without a directory row. */
    public static final String DEFAULT_ZONE = "UTC";

    public static LocalMoment of(ZoneId zone, String storedId, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return new LocalMoment(storedId, local.getDayOfWeek().getValue(), WeeklyHours.clock(local.getHour() * 60 + local.getMinute()));
    }

    /**
     * The moment in each zone (plus UTC, the default); ids that are not valid zones are left out, so
     * nobody in them is on shift.
     */
    public static List<LocalMoment> inZones(Collection<String> zoneIds, Instant at) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(DEFAULT_ZONE);
        ids.addAll(zoneIds);
        List<LocalMoment> moments = new ArrayList<>();
        for (String id : ids) {
            try {
                moments.add(of(ZoneId.of(id), id, at));
            } catch (DateTimeException e) {
                // A zone id this JVM does not know (an older tz database): nobody there counts as on shift.
            }
        }
        return moments;
    }

    /** The 1-based position of this moment's hour in {@link WeeklyHours#hourMap()}. */
    public int hourSlot() {
        return (isoDay - 1) * 24 + Integer.parseInt(time.substring(0, 2)) + 1;
    }

    /** Whether the period covers this moment: same day, start at or before, end after (24:00 ends the day). */
    public boolean within(WeeklyHours.Period period) {
        String t = time;
        return period.day().getValue() == isoDay && period.start().compareTo(t) <= 0 && period.end().compareTo(t) > 0;
    }
}
