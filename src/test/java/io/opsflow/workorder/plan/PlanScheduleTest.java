package io.opsflow.workorder.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.workorder.order.InvalidWorkOrderInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PlanScheduleTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void everySevenDaysFromTheStartDateAtTheTimeOfDay() {
        PlanSchedule s = PlanSchedule.of(7, null, LocalTime.of(7, 30), LocalDate.of(2031, 3, 10), null, UTC);
        assertThat(s.next(Instant.parse("2031-01-01T00:00:00Z"), 3)).containsExactly(Instant.parse("2031-03-10T07:30:00Z"),
                Instant.parse("2031-03-17T07:30:00Z"), Instant.parse("2031-03-24T07:30:00Z"));
        assertThat(s.nextAfter(Instant.parse("2031-03-17T07:30:00Z"))).contains(Instant.parse("2031-03-24T07:30:00Z"));
        assertThat(s.nextAfter(Instant.parse("2031-05-02T10:00:00Z"))).contains(Instant.parse("2031-05-05T07:30:00Z"));
    }

    @Test
    void dailyAtMidnightFollowsTheZoneAcrossDaylightSaving() {
        // Berlin goes from UTC+1 to UTC+2 on Sunday 30 March 2031.
        PlanSchedule s = PlanSchedule.of(1, null, LocalTime.MIDNIGHT, LocalDate.of(2031, 3, 29), null, BERLIN);
        assertThat(s.next(Instant.parse("2031-03-28T12:00:00Z"), 3)).containsExactly(Instant.parse("2031-03-28T23:00:00Z"),
                Instant.parse("2031-03-29T23:00:00Z"), Instant.parse("2031-03-30T22:00:00Z"));
    }

    @Test
    void aQuartzCronInThePlansZoneNeverBeforeTheStartNorAfterTheEnd() {
        PlanSchedule s = PlanSchedule.of(null, "0 0 8 ? * MON", null, LocalDate.of(2031, 3, 12), LocalDate.of(2031, 3, 24), BERLIN);
        assertThat(s.next(Instant.parse("2031-01-01T00:00:00Z"), 5)).containsExactly(Instant.parse("2031-03-17T07:00:00Z"),
                Instant.parse("2031-03-24T07:00:00Z"));
    }

    @Test
    void badDefinitionsAreRefusedWithTheProblemNamed() {
        LocalDate start = LocalDate.of(2031, 3, 10);
        assertThatThrownBy(() -> PlanSchedule.of(null, "0 0 25 * * ?", null, start, null, UTC)).isInstanceOf(InvalidWorkOrderInput.class)
                .hasMessageContaining("cron '0 0 25 * * ?' is not a valid Quartz cron expression");
        assertThatThrownBy(() -> PlanSchedule.of(null, "every monday", null, start, null, UTC)).hasMessageContaining("not a valid Quartz cron");
        assertThatThrownBy(() -> PlanSchedule.of(1, "0 0 8 * * ?", null, start, null, UTC)).hasMessageContaining("either cycleDays");
        assertThatThrownBy(() -> PlanSchedule.of(null, null, null, start, null, UTC)).hasMessageContaining("either cycleDays");
        assertThatThrownBy(() -> PlanSchedule.of(0, null, null, start, null, UTC)).hasMessageContaining("cycleDays must be between");
        assertThatThrownBy(() -> PlanSchedule.of(1, null, null, start, start.minusDays(1), UTC)).hasMessageContaining("before startDate");
        assertThatThrownBy(() -> PlanSchedule.zone("Mars/Olympus")).hasMessageContaining("unknown time zone 'Mars/Olympus'");
    }

    @Test
    void catchUpGeneratesTheLatestDueCycleAndSkipsTheOlderOnes() {
        PlanSchedule daily = PlanSchedule.of(1, null, LocalTime.MIDNIGHT, LocalDate.of(2031, 3, 10), null, UTC);
        Instant due = Instant.parse("2031-03-11T00:00:00Z");

        CatchUp onTime = CatchUp.of(daily, due, due.plusSeconds(5), 100);
        assertThat(onTime.generate()).isEqualTo(due);
        assertThat(onTime.skipped()).isEmpty();

        CatchUp late = CatchUp.of(daily, due, Instant.parse("2031-03-14T01:00:00Z"), 100);
        assertThat(late.generate()).isEqualTo(Instant.parse("2031-03-14T00:00:00Z"));
        assertThat(late.skipped()).containsExactly(due, Instant.parse("2031-03-12T00:00:00Z"), Instant.parse("2031-03-13T00:00:00Z"));
        assertThat(late.missed()).isEqualTo(3);

        CatchUp longGone = CatchUp.of(daily, due, Instant.parse("2031-06-01T01:00:00Z"), 2);
        assertThat(longGone.generate()).isEqualTo(Instant.parse("2031-06-01T00:00:00Z"));
        assertThat(longGone.skipped()).as("only the newest are recorded").containsExactly(Instant.parse("2031-05-30T00:00:00Z"),
                Instant.parse("2031-05-31T00:00:00Z"));
    }
}
