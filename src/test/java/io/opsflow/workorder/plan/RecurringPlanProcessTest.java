package io.opsflow.workorder.plan;

import static io.opsflow.workorder.plan.PlanFixtures.watering;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.order.WorkOrderStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans fired by the real {@code recurring-plan-sweep} BPMN, with the engine clock moved by the test and
 * the sweep's timer job and the generated orders' async process starts run by hand (no async executor):
 * the seed's daily row, two locations per cycle, the misfire rule after a three-day gap, pause and
 * resume, edit, end, and the same cycle fired twice.
 */
@OpsflowIntegrationTest
class RecurringPlanProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2031, 3, 10);

    @Autowired PlanFixtures fixtures;
    @Autowired RecurringPlans plans;
    @Autowired PlanStore planStore;
    @Autowired CycleOrders cycleOrders;
    @Autowired WorkOrderStore orders;
    @Autowired RuntimeService runtimeService;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        fixtures.resetClock();
    }

    @Test
    void aPlanChangedToADailyCycleCreatesANewOrderAtMidnightInItsZoneEachDay() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY, "10:00", SHANGHAI));
        RecurringPlan plan = plans.create(watering(skill, 7, null, DAY.toString(), "Asia/Shanghai", List.of("A区花坛")), "sam");
        plan = plans.edit(plan.id(), plan.version(), watering(skill, 1, null, DAY.toString(), "Asia/Shanghai", List.of("A区花坛")), "sam");
        Instant midnight = at(DAY.plusDays(1), "00:00", SHANGHAI);
        assertThat(fixtures.nextDue(plan.id())).isEqualTo(midnight);
        assertThat(midnight).isEqualTo(Instant.parse("2031-03-10T16:00:00Z"));

        fixtures.clockAt(midnight.minusSeconds(1));
        fixtures.sweepAndStart(plan.id());
        assertThat(plans.orders(plan.id(), 10)).as("nothing before 0:00").isEmpty();
        fixtures.clockAt(midnight);
        fixtures.sweep();

        List<PlanOrder> generated = plans.orders(plan.id(), 10);
        WorkOrder stored = orders.find(generated.get(0).workOrderId()).orElseThrow();
        assertThat(stored.status()).as("the firing only stores the order; assignment is the process's own job").isEqualTo(WorkOrderStatus.NEW);
        assertThat(stored.processInstanceId()).as("its work-order process is started (asynchronously)").isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(stored.processInstanceId()).count()).isOne();
        assertThat(fixtures.runOrderStarts(plan.id())).as("one async start job per order").isOne();

        assertThat(generated).singleElement().satisfies(o -> {
            assertThat(o.cycleAt()).isEqualTo(midnight);
            assertThat(o.location()).isEqualTo("A区花坛");
            assertThat(o.dueAt()).isEqualTo(midnight.plus(Duration.ofHours(8)));
        });
        WorkOrder order = orders.find(generated.get(0).workOrderId()).orElseThrow();
        assertThat(order.title()).isEqualTo("绿化浇水");
        assertThat(order.skills()).containsExactly(skill);
        assertThat(order.status()).as("assigned by the same process as emergency orders").isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(orders.checklist(order.id())).hasSize(3);
        assertThat(fixtures.nextDue(plan.id())).as("next day, 0:00 Shanghai").isEqualTo(at(DAY.plusDays(2), "00:00", SHANGHAI));

        fixtures.clockAt(at(DAY.plusDays(2), "00:00", SHANGHAI));
        fixtures.sweepAndStart(plan.id());
        assertThat(plans.orders(plan.id(), 10)).hasSize(2);
        assertThat(plans.audit(plan.id())).extracting(PlanAuditEntry::action).containsExactly("CREATED", "EDITED");
    }

    @Test
    void aSevenDayPlanWithTwoLocationsMakesTwoOrdersEachCycle() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY.minusDays(1), "12:00", ZoneOffset.UTC));
        RecurringPlan plan = plans.create(watering(skill, 7, null, DAY.toString(), "UTC", List.of("A区花坛", "B区草坪")), "sam");
        assertThat(fixtures.nextDue(plan.id())).isEqualTo(at(DAY, "00:00", ZoneOffset.UTC));

        fixtures.clockAt(at(DAY, "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        assertThat(plans.orders(plan.id(), 10)).extracting(PlanOrder::location).containsExactlyInAnyOrder("A区花坛", "B区草坪");

        fixtures.clockAt(at(DAY.plusDays(6), "23:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        assertThat(plans.orders(plan.id(), 10)).as("nothing before the 7th day").hasSize(2);
        fixtures.clockAt(at(DAY.plusDays(7), "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());

        List<PlanOrder> generated = plans.orders(plan.id(), 10);
        assertThat(generated).hasSize(4);
        assertThat(generated).filteredOn(o -> o.cycleAt().equals(at(DAY.plusDays(7), "00:00", ZoneOffset.UTC))).hasSize(2);
        assertThat(plans.cycles(plan.id(), 10)).extracting(PlanCycle::outcome).containsOnly(PlanCycle.GENERATED).hasSize(2);
    }

    @Test
    void afterAThreeDayGapOnlyTheLatestDueCycleIsGeneratedAndTheMissedOnesAreRecordedAsSkipped() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY.minusDays(1), "12:00", ZoneOffset.UTC));
        RecurringPlan plan = plans.create(watering(skill, 1, "06:00", DAY.toString(), "UTC", List.of("A区花坛")), "sam");
        fixtures.clockAt(at(DAY, "06:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());

        // Down from just after day 1's cycle until 3 days and 2 hours later: days 2, 3 and 4 were due meanwhile.
        fixtures.clockAt(at(DAY.plusDays(3), "08:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        fixtures.sweepAndStart(plan.id());

        assertThat(plans.orders(plan.id(), 10)).extracting(PlanOrder::cycleAt)
                .containsExactly(at(DAY.plusDays(3), "06:00", ZoneOffset.UTC), at(DAY, "06:00", ZoneOffset.UTC));
        assertThat(plans.cycles(plan.id(), 10)).extracting(PlanCycle::cycleAt, PlanCycle::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at(DAY.plusDays(3), "06:00", ZoneOffset.UTC), PlanCycle.GENERATED),
                org.assertj.core.groups.Tuple.tuple(at(DAY.plusDays(2), "06:00", ZoneOffset.UTC), PlanCycle.SKIPPED),
                org.assertj.core.groups.Tuple.tuple(at(DAY.plusDays(1), "06:00", ZoneOffset.UTC), PlanCycle.SKIPPED),
                org.assertj.core.groups.Tuple.tuple(at(DAY, "06:00", ZoneOffset.UTC), PlanCycle.GENERATED));
        assertThat(fixtures.nextDue(plan.id())).as("back on the plan's rhythm").isEqualTo(at(DAY.plusDays(4), "06:00", ZoneOffset.UTC));
    }

    @Test
    void pauseStopsGenerationAndResumeContinuesFromTheNextCycleWithoutReplayingThePause() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY.minusDays(1), "12:00", ZoneOffset.UTC));
        RecurringPlan plan = plans.create(watering(skill, 1, null, DAY.toString(), "UTC", List.of("A区花坛")), "sam");
        fixtures.clockAt(at(DAY, "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());

        fixtures.clockAt(at(DAY, "09:00", ZoneOffset.UTC));
        plan = plans.pause(plan.id(), planStore.find(plan.id()).orElseThrow().version(), "sam");
        assertThat(plan.status()).isEqualTo(PlanStatus.PAUSED);
        assertThat(plan.nextDueAt()).isNull();
        assertThat(fixtures.nextDue(plan.id())).as("a paused plan has no timer").isNull();

        fixtures.clockAt(at(DAY.plusDays(3), "09:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        plan = plans.resume(plan.id(), null, "sam");
        assertThat(fixtures.nextDue(plan.id())).isEqualTo(at(DAY.plusDays(4), "00:00", ZoneOffset.UTC));
        assertThat(plans.orders(plan.id(), 10)).as("the paused days are not made up").hasSize(1);

        fixtures.clockAt(at(DAY.plusDays(4), "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        assertThat(plans.orders(plan.id(), 10)).extracting(PlanOrder::cycleAt)
                .containsExactly(at(DAY.plusDays(4), "00:00", ZoneOffset.UTC), at(DAY, "00:00", ZoneOffset.UTC));
        assertThat(plans.cycles(plan.id(), 10)).extracting(PlanCycle::outcome).containsOnly(PlanCycle.GENERATED);
        assertThat(plans.audit(plan.id())).extracting(PlanAuditEntry::action, PlanAuditEntry::changedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CREATED", "sam"), org.assertj.core.groups.Tuple.tuple("PAUSED", "sam"),
                org.assertj.core.groups.Tuple.tuple("RESUMED", "sam"));
    }

    @Test
    void anEditReschedulesFromNowOnAndLeavesGeneratedOrdersAlone() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY.minusDays(1), "12:00", ZoneOffset.UTC));
        RecurringPlan plan = plans.create(watering(skill, 1, null, DAY.toString(), "UTC", List.of("A区花坛")), "sam");
        fixtures.clockAt(at(DAY, "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        PlanOrder first = plans.orders(plan.id(), 10).get(0);

        fixtures.clockAt(at(DAY, "10:00", ZoneOffset.UTC));
        plan = planStore.find(plan.id()).orElseThrow();
        plan = plans.edit(plan.id(), plan.version(), new PlanDraft("绿化浇水 (夏季)", null, List.of(skill), List.of("浇水"),
                List.of("A区花坛", "C区苗圃"), 3, null, "18:30", DAY.toString(), null, "UTC", "PT2H", 60), "dora");

        assertThat(fixtures.nextDue(plan.id())).as("the new rhythm from the start date: today 18:30, then every 3 days")
                .isEqualTo(at(DAY, "18:30", ZoneOffset.UTC));
        assertThat(plans.nextDueTimes(plan)).containsExactly(at(DAY, "18:30", ZoneOffset.UTC), at(DAY.plusDays(3), "18:30", ZoneOffset.UTC),
                at(DAY.plusDays(6), "18:30", ZoneOffset.UTC), at(DAY.plusDays(9), "18:30", ZoneOffset.UTC),
                at(DAY.plusDays(12), "18:30", ZoneOffset.UTC));
        WorkOrder unchanged = orders.find(first.workOrderId()).orElseThrow();
        assertThat(unchanged.title()).isEqualTo("绿化浇水");
        assertThat(unchanged.dueAt()).isEqualTo(first.dueAt());

        fixtures.clockAt(at(DAY, "18:30", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        List<PlanOrder> latest = plans.orders(plan.id(), 10).stream()
                .filter(o -> o.cycleAt().equals(at(DAY, "18:30", ZoneOffset.UTC))).toList();
        assertThat(latest).extracting(PlanOrder::location).containsExactly("A区花坛", "C区苗圃");
        assertThat(latest.get(0).dueAt()).isEqualTo(at(DAY, "20:30", ZoneOffset.UTC));
        assertThat(fixtures.nextDue(plan.id())).isEqualTo(at(DAY.plusDays(3), "18:30", ZoneOffset.UTC));
        assertThat(orders.find(latest.get(0).workOrderId()).orElseThrow().title()).isEqualTo("绿化浇水 (夏季)");
        assertThat(plans.audit(plan.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("EDITED");
            assertThat(e.changedBy()).isEqualTo("dora");
            assertThat(e.detail()).contains("every 3 days at 18:30", "C区苗圃");
        });
    }

    @Test
    void anEndedPlanStopsAndIsNeverFiredAgain() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY.minusDays(1), "12:00", ZoneOffset.UTC));
        RecurringPlan plan = plans.create(watering(skill, 1, null, DAY.toString(), "UTC", List.of("A区花坛")), "sam");

        plan = plans.end(plan.id(), plan.version(), "sam");

        assertThat(plan.status()).isEqualTo(PlanStatus.ENDED);
        assertThat(plan.nextDueAt()).isNull();
        fixtures.clockAt(at(DAY.plusDays(5), "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        assertThat(plans.orders(plan.id(), 10)).isEmpty();
        assertThat(plans.cycles(plan.id(), 10)).isEmpty();
    }

    @Test
    void aPlanPastItsEndDateEndsByItself() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY.minusDays(1), "12:00", ZoneOffset.UTC));
        RecurringPlan plan = plans.create(new PlanDraft("绿化浇水", null, List.of(skill), List.of(), List.of("A区花坛"), 1, null, null,
                DAY.toString(), DAY.plusDays(1).toString(), "UTC", null, null), "sam");
        fixtures.clockAt(at(DAY, "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());
        assertThat(planStore.find(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
        fixtures.clockAt(at(DAY.plusDays(1), "00:00", ZoneOffset.UTC));
        fixtures.sweepAndStart(plan.id());

        assertThat(plans.orders(plan.id(), 10)).hasSize(2);
        RecurringPlan ended = planStore.find(plan.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(PlanStatus.ENDED);
        assertThat(ended.nextDueAt()).isNull();
        assertThat(plans.audit(plan.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ENDED");
            assertThat(e.changedBy()).isEqualTo(PlanFiring.SYSTEM);
        });
    }

    @Test
    void theSameCycleFiredTwiceCreatesNoSecondOrderAndTheDatabaseRefusesADuplicate() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(at(DAY.minusDays(1), "12:00", ZoneOffset.UTC));
        RecurringPlan plan = plans.create(watering(skill, 7, null, DAY.toString(), "UTC", List.of("A区花坛", "B区草坪")), "sam");
        Instant cycle = at(DAY, "00:00", ZoneOffset.UTC);
        fixtures.clockAt(cycle);
        fixtures.sweepAndStart(plan.id());
        assertThat(plans.orders(plan.id(), 10)).hasSize(2);

        // A retried batch or a second sweep firing the same cycle: nothing new.
        RecurringPlan stored = planStore.find(plan.id()).orElseThrow();
        assertThat(cycleOrders.generate(stored, cycle)).isZero();
        assertThat(cycleOrders.generate(stored, cycle)).isZero();
        assertThat(plans.orders(plan.id(), 10)).hasSize(2);
        assertThat(plans.cycles(plan.id(), 10)).hasSize(1);

        // Two runs that both passed the check at once: the key plan + cycle + location stops the second.
        String existing = plans.orders(plan.id(), 10).get(0).workOrderId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(
                        status -> planStore.linkOrder(plan.id(), cycle, "A区花坛", existing)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(plans.orders(plan.id(), 10)).hasSize(2);
    }

    private static Instant at(LocalDate date, String time, ZoneId zone) {
        return date.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }
}
