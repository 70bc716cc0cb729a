package io.opsflow.workorder;

import static io.opsflow.workorder.WorkOrderFixtures.order;
import static io.opsflow.workorder.WorkOrderFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.identity.StaffCandidates;
import io.opsflow.platform.staff.ShiftMaps;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.assignment.AssignmentRanking;
import io.opsflow.workorder.assignment.CandidateScore;
import io.opsflow.workorder.assignment.Ranking;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Working hours decide who gets a work order (decision 59): at the engine clock's now, read in each
 * staff member's own time zone, staff on shift come before everybody else whatever the scores; the
 * stored "why" says who is off shift.
 */
@OpsflowIntegrationTest
class WorkingHoursAssignmentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Thursday 2026-12-03 02:00 UTC = 10:00 in Shanghai, 03:00 in Berlin.
    private static final Instant THURSDAY_2_UTC = Instant.parse("2026-12-03T02:00:00Z");

    @Autowired WorkOrderFixtures fixtures;
    @Autowired WorkOrderStore store;
    @Autowired AssignmentRanking ranking;
    @Autowired RuntimeService runtimeService;
    @Autowired ProcessEngineConfiguration engineConfiguration;
    @Autowired JdbcClient jdbc;
    @Autowired ShiftMaps shiftMaps;
    @Autowired StaffCandidates candidates;

    @AfterEach
    void realTimeAgain() {
        engineConfiguration.getClock().reset();
    }

    @Test
    void anOffShiftElectricianIsNotChosenOverABusierOnShiftOne() throws Exception {
        String electrician = skill("电工");
        String busySkill = skill("busy");
        // Idle, so the better score, but its Berlin day shift starts in five hours.
        String offShift = fixtures.staff("berlin-electrician", electrician);
        hours(offShift, "Europe/Berlin", 8 * 60, 17 * 60);
        // Busy with an earlier order, on its Shanghai day shift now.
        String onShift = fixtures.staff("shanghai-electrician", electrician, busySkill);
        hours(onShift, "Asia/Shanghai", 8 * 60, 17 * 60);
        shiftMaps.refresh(onShift);
        engineConfiguration.getClock().setCurrentTime(Date.from(THURSDAY_2_UTC));
        fixtures.start("sup", order("Earlier job", busySkill, THURSDAY_2_UTC.plus(Duration.ofDays(1))));

        String id = fixtures.start("sup", order("Replace the corridor light", electrician, THURSDAY_2_UTC.plus(Duration.ofHours(4))));

        WorkOrder order = store.find((String) runtimeService.getVariable(id, "workOrderId")).orElseThrow();
        assertThat(order.assignee()).isEqualTo(onShift);
        JsonNode candidates = JSON.readTree(order.explanation()).get("candidates");
        assertThat(candidates.get(0).get("userId").asText()).isEqualTo(onShift);
        assertThat(candidates.get(0).get("shift").asText()).isEqualTo("on shift");
        assertThat(candidates.get(1).get("userId").asText()).isEqualTo(offShift);
        assertThat(candidates.get(1).get("shift").asText()).isEqualTo("off shift");
        assertThat(candidates.get(1).get("score").asDouble()).isGreaterThan(candidates.get(0).get("score").asDouble());
    }

    @Test
    void theSameStaffRankByScoreOnceBothAreOnShiftAndTheOffShiftOneStillGetsWorkWhenAlone() {
        String electrician = skill("电工");
        String busySkill = skill("busy");
        String berlin = fixtures.staff("berlin-electrician", electrician);
        hours(berlin, "Europe/Berlin", 8 * 60, 17 * 60);
        String shanghai = fixtures.staff("shanghai-electrician", electrician, busySkill);
        hours(shanghai, "Asia/Shanghai", 8 * 60, 17 * 60);
        shiftMaps.refresh(berlin);
        shiftMaps.refresh(shanghai);
        load(shanghai, 1);

        // 08:30 UTC: 09:30 in Berlin and 16:30 in Shanghai, both working; the idle one wins on score.
        Ranking bothOnShift = ranking.rank(List.of(electrician), Instant.parse("2026-12-03T08:30:00Z"));
        assertThat(bothOnShift.candidates()).extracting(CandidateScore::userId).containsExactly(berlin, shanghai);
        assertThat(bothOnShift.candidates()).extracting(CandidateScore::shift).containsOnly("on shift");

        // 20:00 UTC: both at home; the ranking falls back to the score instead of to manual dispatch.
        Ranking night = ranking.rank(List.of(electrician), Instant.parse("2026-12-03T20:00:00Z"));
        assertThat(night.candidates()).extracting(CandidateScore::userId).containsExactly(berlin, shanghai);
        assertThat(night.candidates()).extracting(CandidateScore::shift).containsOnly("off shift");
    }

    @Test
    void staffWithoutRecordedHoursRankWithTheOffShiftByScoreAfterTheOnShift() {
        String plumbing = skill("水电");
        String unknown = fixtures.staff("no-hours-plumber", plumbing);
        load(unknown, 1);
        String offShift = fixtures.staff("off-plumber", plumbing);
        hours(offShift, "UTC", 8 * 60, 17 * 60);
        String onShift = fixtures.staff("on-plumber", plumbing);
        hours(onShift, "UTC", 0, 24 * 60);
        load(onShift, 3);

        Ranking ranked = ranking.rank(List.of(plumbing), THURSDAY_2_UTC);

        assertThat(ranked.candidates()).extracting(CandidateScore::userId).containsExactly(onShift, offShift, unknown);
        assertThat(ranked.candidates()).extracting(CandidateScore::shift)
                .containsExactly("on shift", "off shift", "no working hours recorded");
        assertThat(ranked.candidateCount()).isEqualTo(3);
    }

    @Test
    void aPartlyWorkedHourIsDecidedByTheMinuteWithOrWithoutTheStoredMap() {
        String carpentry = skill("木工");
        String mapped = fixtures.staff("mapped-carpenter", carpentry);
        hours(mapped, "UTC", 8 * 60, 9 * 60 + 30);
        shiftMaps.refresh(mapped);
        String unmapped = fixtures.staff("unmapped-carpenter", carpentry);
        hours(unmapped, "UTC", 8 * 60, 9 * 60 + 30);
        String idle = fixtures.staff("idle-carpenter", carpentry);
        load(mapped, 2);
        load(unmapped, 2);

        Ranking at0915 = ranking.rank(List.of(carpentry), Instant.parse("2026-12-03T09:15:00Z"));
        assertThat(at0915.candidates()).extracting(CandidateScore::userId).startsWith(mapped, unmapped).endsWith(idle);
        assertThat(at0915.candidates()).extracting(CandidateScore::shift).containsExactly("on shift", "on shift", "no working hours recorded");

        Ranking at0930 = ranking.rank(List.of(carpentry), Instant.parse("2026-12-03T09:30:00Z"));
        assertThat(at0930.candidates()).extracting(CandidateScore::userId).startsWith(idle);
        assertThat(at0930.candidates()).extracting(CandidateScore::shift).containsExactly("no working hours recorded", "off shift", "off shift");
    }

    @Test
    void onLeaveStaffStayOutWhateverTheirHours() {
        String masonry = skill("泥瓦");
        String onLeave = fixtures.staff("leave-mason", masonry);
        hours(onLeave, "UTC", 0, 24 * 60);
        jdbc.sql("update app_staff set on_duty = false where user_id = ?").param(onLeave).update();
        candidates.changed(onLeave);
        String working = fixtures.staff("mason", masonry);

        Ranking ranked = ranking.rank(List.of(masonry), THURSDAY_2_UTC);

        assertThat(ranked.candidates()).extracting(CandidateScore::userId).containsExactly(working);
    }

    private void load(String userId, int open) {
        jdbc.sql("insert into app_wo_staff_load (user_id, open_orders, accepted_orders, on_time_acceptances) values (?, ?, 0, 0)")
                .params(userId, open)
                .update();
    }

    /** Monday to Friday from {@code start} to {@code end} minutes, in {@code zone}, as the staff directory stores it. */
    private void hours(String userId, String zone, int start, int end) {
        jdbc.sql("insert into app_staff (user_id, on_duty, time_zone, version) values (?, true, ?, 1)").params(userId, zone).update();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            jdbc.sql("insert into app_staff_hours (user_id, day_of_week, start_time, end_time) values (?, ?, ?, ?)")
                    .params(userId, day.getValue(), clock(start), clock(end))
                    .update();
        }
        // Written by SQL, as an import would: the platform is told, as an import must (decision 80).
        candidates.changed(userId);
    }

    private static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
