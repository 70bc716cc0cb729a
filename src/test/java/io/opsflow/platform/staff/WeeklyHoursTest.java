package io.opsflow.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsDayRangesAndWritesThemBackJoined() {
        List<WeeklyHours.Period> periods = WeeklyHours.parse("Mon-Fri 08:00-17:00\nsat 9:00-12:00");

        assertThat(periods).hasSize(6);
        assertThat(periods.get(0)).isEqualTo(new WeeklyHours.Period(DayOfWeek.MONDAY, 8 * 60, 17 * 60));
        assertThat(periods.get(5)).isEqualTo(new WeeklyHours.Period(DayOfWeek.SATURDAY, 9 * 60, 12 * 60));
        WeeklyHours hours = WeeklyHours.of(SHANGHAI, periods);
        assertThat(hours.text()).isEqualTo("Mon-Fri 08:00-17:00\nSat 09:00-12:00");
        assertThat(hours.weeklyTotal()).isEqualTo(48.0);
    }

    @Test
    void refusesPeriodsThatEndBeforeTheyStartOverlapOrAreNoTimes() {
        assertThatThrownBy(() -> WeeklyHours.period("MONDAY", "18:00", "08:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before it starts")
                .hasMessageContaining("overnight");
        assertThatThrownBy(() -> WeeklyHours.period("MONDAY", "24:00", "24:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeeklyHours.period("MONDAY", "25:00", "26:00")).hasMessageContaining("not a valid start time");
        assertThatThrownBy(() -> WeeklyHours.period("FUNDAY", "08:00", "09:00")).hasMessageContaining("not a day of the week");
        assertThatThrownBy(() -> WeeklyHours.of(SHANGHAI, WeeklyHours.parse("Mon 08:00-12:00, Mon 11:00-13:00")))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> WeeklyHours.parse("weekdays 8-17")).hasMessageContaining("Mon-Fri 08:00-17:00");
        assertThatThrownBy(() -> WeeklyHours.parse("Fri-Mon 08:00-17:00")).hasMessageContaining("from Monday towards Sunday");
    }

    @Test
    void aNightShiftIsTwoPeriodsAroundMidnight() {
        WeeklyHours night = WeeklyHours.of(ZoneId.of("UTC"), WeeklyHours.parse("Mon 22:00-24:00; Tue 00:00-06:00"));

        // Monday 2026-11-30 20:00 UTC to Tuesday 12:00 UTC covers the whole shift.
        assertThat(night.hoursBetween(Instant.parse("2026-11-30T20:00:00Z"), Instant.parse("2026-12-01T12:00:00Z"))).isEqualTo(8.0);
        assertThat(night.hoursBetween(Instant.parse("2026-11-30T23:00:00Z"), Instant.parse("2026-12-01T01:30:00Z"))).isEqualTo(2.5);
    }

    @Test
    void countsScheduledHoursInTheStaffMembersTimeZone() {
        WeeklyHours office = WeeklyHours.of(SHANGHAI, WeeklyHours.parse("Mon-Fri 08:00-17:00"));

        // December 2026 in Shanghai: 23 weekdays x 9 h.
        Instant from = Instant.parse("2026-11-30T16:00:00Z");
        Instant to = Instant.parse("2026-12-31T16:00:00Z");
        assertThat(office.hoursBetween(from, to)).isEqualTo(23 * 9.0);
        // Tuesday 2026-12-01 10:00-12:00 Shanghai = 02:00-04:00 UTC.
        assertThat(office.hoursBetween(Instant.parse("2026-12-01T02:00:00Z"), Instant.parse("2026-12-01T04:00:00Z"))).isEqualTo(2.0);
        assertThat(office.hoursBetween(to, from)).isZero();
        assertThat(WeeklyHours.none(SHANGHAI).hoursBetween(from, to)).isZero();
    }

    @Test
    void followsDaylightSavingChanges() {
        WeeklyHours night = WeeklyHours.of(ZoneId.of("Europe/Berlin"), WeeklyHours.parse("Sun 00:00-06:00"));

        // 2026-03-29: clocks go from 02:00 to 03:00, so 00:00-06:00 local lasts five hours.
        assertThat(night.hoursBetween(Instant.parse("2026-03-28T12:00:00Z"), Instant.parse("2026-03-29T12:00:00Z"))).isEqualTo(5.0);
    }
}
