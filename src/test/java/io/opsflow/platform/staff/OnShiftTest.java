package io.opsflow.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is on shift at an instant: the wall clock of the staff member's zone against their weekly hours. */
class OnShiftTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aShanghaiDayShiftIsReadOnShanghaiTimeNotUtc() {
        WeeklyHours dayShift = WeeklyHours.of(SHANGHAI, WeeklyHours.parse("Mon-Fri 08:00-17:00"));

        // Thursday 2026-12-03 01:30 UTC is 09:30 in Shanghai.
        assertThat(dayShift.isWorkingAt(Instant.parse("2026-12-03T01:30:00Z"))).isTrue();
        // 10:00 UTC is 18:00 in Shanghai: gone home, although 10:00 is inside 08:00-17:00 on a UTC clock.
        assertThat(dayShift.isWorkingAt(Instant.parse("2026-12-03T10:00:00Z"))).isFalse();
        // Saturday morning in Shanghai is Friday evening in UTC.
        assertThat(dayShift.isWorkingAt(Instant.parse("2026-12-05T01:30:00Z"))).isFalse();
    }

    @Test
    void startIsInsideEndIsOutsideAndMidnightEndsTheDay() {
        WeeklyHours hours = WeeklyHours.of(ZoneId.of("UTC"), WeeklyHours.parse("Wed 08:00-17:00, Thu 22:00-24:00, Fri 00:00-06:00"));

        assertThat(hours.isWorkingAt(Instant.parse("2026-12-02T07:59:00Z"))).isFalse();
        assertThat(hours.isWorkingAt(Instant.parse("2026-12-02T08:00:00Z"))).isTrue();
        assertThat(hours.isWorkingAt(Instant.parse("2026-12-02T16:59:59Z"))).isTrue();
        assertThat(hours.isWorkingAt(Instant.parse("2026-12-02T17:00:00Z"))).isFalse();
        // The night shift Thursday 22:00 to Friday 06:00, written as two periods, covers both sides of midnight.
        assertThat(hours.isWorkingAt(Instant.parse("2026-12-03T23:59:00Z"))).isTrue();
        assertThat(hours.isWorkingAt(Instant.parse("2026-12-04T00:00:00Z"))).isTrue();
        assertThat(hours.isWorkingAt(Instant.parse("2026-12-04T06:00:00Z"))).isFalse();
    }

    @Test
    void theShiftMovesWithTheClockOverDaylightSaving() {
        WeeklyHours hours = WeeklyHours.of(BERLIN, WeeklyHours.parse("Mon-Fri 08:00-17:00"));

        // Winter (UTC+1): 07:30 UTC is 08:30 in Berlin. Summer (UTC+2): 06:30 UTC is 08:30.
        assertThat(hours.isWorkingAt(Instant.parse("2026-12-03T07:30:00Z"))).isTrue();
        assertThat(hours.isWorkingAt(Instant.parse("2026-07-02T06:30:00Z"))).isTrue();
        assertThat(hours.isWorkingAt(Instant.parse("2026-07-02T15:30:00Z"))).isFalse();
    }

    @Test
    void theHourMapAgreesWithThePeriodsAtEveryMinuteOfTheWeek() {
        WeeklyHours hours = WeeklyHours.of(ZoneId.of("UTC"),
                WeeklyHours.parse("Mon-Fri 08:00-17:00, Sat 09:15-09:45, Sat 10:00-12:30, Sun 22:00-24:00"));
        String map = hours.hourMap();
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");

        assertThat(map).hasSize(168);
        assertThat(map.substring(0, 24)).isEqualTo("000000001111111110000000");
        assertThat(map.substring(5 * 24, 6 * 24)).isEqualTo("000000000211200000000000");
        for (int minute = 0; minute < 7 * 24 * 60; minute++) {
            Instant at = monday.plusSeconds(minute * 60L);
            LocalMoment moment = LocalMoment.of(ZoneId.of("UTC"), "UTC", at);
            char slot = map.charAt(moment.hourSlot() - 1);
            boolean working = hours.isWorkingAt(at);
            if (slot == '1') {
                assertThat(working).as("minute %d", minute).isTrue();
            } else if (slot == '0') {
                assertThat(working).as("minute %d", minute).isFalse();
            }
        }
        assertThat(WeeklyHours.none(SHANGHAI).hourMap()).isEqualTo("0".repeat(168));
    }

    @Test
    void withoutASchedulePeopleAreNeverOnShift() {
        assertThat(WeeklyHours.none(SHANGHAI).isWorkingAt(Instant.parse("2026-12-03T03:00:00Z"))).isFalse();
    }

    @Test
    void momentsAreComputedOncePerZoneInUsePlusTheDefaultAndUnknownZonesAreLeftOut() {
        List<LocalMoment> moments = LocalMoment.inZones(List.of("Asia/Shanghai", "UTC", "Mars/Olympus"), Instant.parse("2026-12-03T16:05:00Z"));

        assertThat(moments).containsExactly(
                new LocalMoment("UTC", 4, "16:05"),
                // 00:05 on Friday in Shanghai: the day changes with the zone.
                new LocalMoment("Asia/Shanghai", 5, "00:05"));
    }
}
