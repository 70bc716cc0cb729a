package io.opsflow.platform.staff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly working schedule in a time zone, e.g. Monday to Friday 08:00–17:00 in Asia/Shanghai.
 * Periods of one day must not overlap and end after they start; a period never crosses midnight, so a
 * night shift is two periods (Mon 22:00–24:00 and Tue 00:00–06:00).
 */
public record WeeklyHours(ZoneId zone, List<Period> periods) {

    static final int MAX_PERIODS = 21;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");
    private static final Pattern LINE = Pattern.compile(
            "(?i)\\s*([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    /** One working period; minutes count from the start of the day, {@code endMinute} 1440 is 24:00. */
    public record Period(DayOfWeek day, int startMinute, int endMinute) {

        public String start() {
            return clock(startMinute);
        }

        public String end() {
            return clock(endMinute);
        }

        double hours() {
            return (endMinute - startMinute) / 60.0;
        }
    }

    public WeeklyHours {
        periods = periods.stream()
                .sorted(Comparator.comparing(Period::day).thenComparingInt(Period::startMinute))
                .toList();
    }

    public static WeeklyHours none(ZoneId zone) {
        return new WeeklyHours(zone, List.of());
    }

    /**
     * Checks the periods and builds the schedule; {@code start}/{@code end} are {@code HH:mm} texts.
     *
     * @throws IllegalArgumentException with a message for the person who typed it
     */
    public static Period period(String day, String start, String end) {
        DayOfWeek dayOfWeek = day(day);
        int from = minutes(start, "start");
        int to = minutes(end, "end");
        if (from >= 1440) {
            throw new IllegalArgumentException("A period cannot start at 24:00.");
        }
        if (to <= from) {
            throw new IllegalArgumentException("Working period " + display(dayOfWeek) + " " + clock(from) + "-" + clock(to)
                    + " ends before it starts; overnight shifts are two periods (e.g. Mon 22:00-24:00 and Tue 00:00-06:00).");
        }
        return new Period(dayOfWeek, from, to);
    }

    /** The schedule, refusing overlapping periods and more than {@value #MAX_PERIODS} of them. */
    public static WeeklyHours of(ZoneId zone, List<Period> periods) {
        if (periods.size() > MAX_PERIODS) {
            throw new IllegalArgumentException("Give at most " + MAX_PERIODS + " working periods.");
        }
        WeeklyHours hours = new WeeklyHours(zone, periods);
        for (int i = 1; i < hours.periods.size(); i++) {
            Period before = hours.periods.get(i - 1);
            Period next = hours.periods.get(i);
            if (before.day() == next.day() && next.startMinute() < before.endMinute()) {
                throw new IllegalArgumentException("Working periods " + display(before.day()) + " " + before.start() + "-" + before.end()
                        + " and " + next.start() + "-" + next.end() + " overlap.");
            }
        }
        return hours;
    }

    /** Parses lines such as {@code Mon-Fri 08:00-17:00} (separated by new lines, ';' or ','). */
    public static List<Period> parse(String text) {
        List<Period> periods = new ArrayList<>();
        if (text == null) {
            return periods;
        }
        for (String line : text.split("[\\n;,，；]+")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + line.strip() + "' is not a working period; write e.g. 'Mon-Fri 08:00-17:00'.");
            }
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            if (last.compareTo(first) < 0) {
                throw new IllegalArgumentException("'" + line.strip() + "': write the days from Monday towards Sunday, e.g. 'Mon-Fri'.");
            }
            for (int d = first.getValue(); d <= last.getValue(); d++) {
                periods.add(period(DayOfWeek.of(d).name(), pad(m.group(3)), pad(m.group(4))));
            }
        }
        return periods;
    }

    /** The schedule as {@link #parse} reads it, with runs of equal days joined: {@code Mon-Fri 08:00-17:00}. */
    public String text() {
        List<String> lines = new ArrayList<>();
        List<Period> left = new ArrayList<>(periods);
        while (!left.isEmpty()) {
            Period first = left.remove(0);
            DayOfWeek last = first.day();
            while (true) {
                DayOfWeek next = last.plus(1);
                if (next == DayOfWeek.MONDAY) {
                    break;
                }
                Period same = new Period(next, first.startMinute(), first.endMinute());
                if (!left.contains(same)) {
                    break;
                }
                left.remove(same);
                last = next;
            }
            lines.add(display(first.day()) + (last == first.day() ? "" : "-" + display(last)) + " " + first.start() + "-" + first.end());
        }
        return String.join("\n", lines);
    }

    /**
     * Whether {@code at} falls in a working period, read on the zone's wall clock (so daylight-saving
     * changes move the shift with the clock); false without a schedule. The ranking SQL applies the
     * same rule ({@link LocalMoment#within}).
     */
    public boolean isWorkingAt(Instant at) {
        LocalMoment moment = LocalMoment.of(zone, zone.getId(), at);
        return periods.stream().anyMatch(moment::within);
    }

    /**
     * The week as 168 characters, one per hour from Monday 00:00 to Sunday 23:00 on the zone's wall
     * clock: {@code 1} worked the whole hour, {@code 0} not at all, {@code 2} partly (then the periods
     * decide). Stored with the schedule so the ranking tells most people's shift from their own row.
     */
    public String hourMap() {
        char[] map = new char[7 * 24];
        for (int slot = 0; slot < map.length; slot++) {
            int day = slot / 24 + 1;
            int from = (slot % 24) * 60;
            int covered = 0;
            for (Period p : periods) {
                if (p.day().getValue() == day) {
                    covered += Math.max(0, Math.min(from + 60, p.endMinute()) - Math.max(from, p.startMinute()));
                }
            }
            map[slot] = covered == 0 ? '0' : covered == 60 ? '1' : '2';
        }
        return new String(map);
    }

    /** Scheduled hours per week. */
    public double weeklyTotal() {
        return periods.stream().mapToDouble(Period::hours).sum();
    }

    /** Scheduled working hours from {@code from} (inclusive) to {@code to} (exclusive), following the zone's daylight-saving changes. */
    public double hoursBetween(Instant from, Instant to) {
        if (periods.isEmpty() || !to.isAfter(from)) {
            return 0;
        }
        long seconds = 0;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate lastDay = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Period p : periods) {
                if (p.day() != day.getDayOfWeek()) {
                    continue;
                }
                Instant start = at(day, p.startMinute());
                Instant end = at(day, p.endMinute());
                Instant a = start.isBefore(from) ? from : start;
                Instant b = end.isAfter(to) ? to : end;
                if (b.isAfter(a)) {
                    seconds += Duration.between(a, b).getSeconds();
                }
            }
        }
        return seconds / 3600.0;
    }

    private Instant at(LocalDate day, int minute) {
        return minute >= 1440
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(day, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
    }

    static DayOfWeek day(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a day of the week (MONDAY ... SUNDAY, or Mon ... Sun).");
    }

    private static int minutes(String text, String what) {
        Matcher m = text == null ? null : TIME.matcher(text.strip());
        if (m == null || !m.matches() || (m.group(1).equals("24") && !m.group(2).equals("00"))) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what + " time; use HH:mm between 00:00 and 24:00.");
        }
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    static String display(DayOfWeek day) {
        return day.name().charAt(0) + day.name().substring(1, 3).toLowerCase(Locale.ROOT);
    }
}
