package io.opsflow.workorder.plan;

import static io.opsflow.workorder.plan.PlanFixtures.watering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the sweep itself promises (decision 76): a broken plan does not hold up the others and shows
 * its error, two sweeps at once fire each plan once, the sweep keeps no history and comes back every
 * 10 s, and a database from before the sweep loses its per-plan instances at startup.
 */
@OpsflowIntegrationTest
class RecurringPlanSweepTest {

    private static final Instant DUE = LocalDate.of(2032, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Autowired PlanFixtures fixtures;
    @Autowired RecurringPlans plans;
    @Autowired PlanStore planStore;
    @Autowired DuePlanSweep sweep;
    @Autowired ProcessPerPlanUpgrade upgrade;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;
    @Autowired WebApplicationContext context;

    @AfterEach
    void resetClock() {
        fixtures.resetClock();
    }

    @Test
    void aPlanThatFailsAloneStaysDueShowsItsErrorAndDoesNotStopTheOthers() throws Exception {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(DUE.minus(Duration.ofHours(12)));
        RecurringPlan good = daily(skill, "A区花坛", DUE.minus(Duration.ofDays(1)));
        RecurringPlan broken = daily(skill, "B区草坪", DUE.minus(Duration.ofDays(1)));
        RecurringPlan alsoGood = daily(skill, "C区苗圃", DUE.minus(Duration.ofDays(1)));
        // A step longer than a work order's checklist item may be: only the insert of this plan's order fails.
        jdbc.sql("update app_wo_plan set checklist = ? where id = ?").params("[\"" + "x".repeat(600) + "\"]", broken.id()).update();
        try {
            fixtures.clockAt(DUE);
            fixtures.sweep();

            for (RecurringPlan ok : List.of(good, alsoGood)) {
                assertThat(plans.orders(ok.id(), 10)).as("the good plans fired").singleElement()
                        .satisfies(o -> assertThat(o.cycleAt()).isEqualTo(DUE));
                RecurringPlan fired = planStore.find(ok.id()).orElseThrow();
                assertThat(fired.nextDueAt()).isEqualTo(DUE.plus(Duration.ofDays(1)));
                assertThat(fired.fireError()).isNull();
            }
            RecurringPlan failed = planStore.find(broken.id()).orElseThrow();
            assertThat(plans.orders(broken.id(), 10)).as("nothing half-done").isEmpty();
            assertThat(plans.cycles(broken.id(), 10)).isEmpty();
            assertThat(failed.nextDueAt()).as("still due").isEqualTo(DUE);
            assertThat(failed.fireRetryAt()).isEqualTo(DUE.plus(Duration.ofMinutes(5)));
            assertThat(failed.fireError()).contains("firing failed", "server log reference").doesNotContain("SQL", "Exception", "insert");

            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
            mvc.perform(get("/api/v1/work-order-plans/{id}", broken.id()).with(httpBasic(fixtures.supervisor(), TestUsers.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.fireError", Matchers.containsString("server log reference")))
                    .andExpect(jsonPath("$.fireRetryAt").isNotEmpty());

            fixtures.clockAt(DUE.plus(Duration.ofMinutes(1)));
            fixtures.sweep();
            assertThat(planStore.find(broken.id()).orElseThrow().fireError()).as("left alone until the retry time").isEqualTo(failed.fireError());

            fixtures.clockAt(DUE.plus(Duration.ofMinutes(6)));
            fixtures.sweep();
            RecurringPlan retried = planStore.find(broken.id()).orElseThrow();
            assertThat(retried.fireError()).as("tried again, failed again").isNotEqualTo(failed.fireError());
            assertThat(retried.fireRetryAt()).isEqualTo(DUE.plus(Duration.ofMinutes(11)));
            assertThat(plans.orders(good.id(), 10)).as("the good plans were not fired twice").hasSize(1);
        } finally {
            plans.end(broken.id(), null, "sam");
        }
        assertThat(planStore.find(broken.id()).orElseThrow().fireError()).as("ending clears the error").isNull();
    }

    @Test
    void twoSweepsAtOnceFireEveryPlanOnce() throws Exception {
        String skill = fixtures.gardenerSkill();
        Instant due = DUE.plus(Duration.ofDays(10));
        fixtures.clockAt(due.minus(Duration.ofHours(12)));
        List<RecurringPlan> created = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            created.add(daily(skill, "花坛 " + i, due.minus(Duration.ofDays(1))));
        }
        fixtures.clockAt(due);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DuePlanSweep.Outcome>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return sweep.run();
                }));
            }
            start.countDown();
            int fired = 0;
            for (Future<DuePlanSweep.Outcome> run : runs) {
                DuePlanSweep.Outcome outcome = run.get(60, TimeUnit.SECONDS);
                assertThat(outcome.failed()).isZero();
                fired += outcome.fired();
            }
            assertThat(fired).as("every plan fired by one of the two (other tests' due plans may add to it)").isGreaterThanOrEqualTo(30);
        } finally {
            threads.shutdownNow();
        }
        for (RecurringPlan plan : created) {
            assertThat(plans.orders(plan.id(), 10)).as(plan.title()).singleElement().satisfies(o -> assertThat(o.cycleAt()).isEqualTo(due));
            assertThat(plans.cycles(plan.id(), 10)).hasSize(1);
            assertThat(fixtures.nextDue(plan.id())).isEqualTo(due.plus(Duration.ofDays(1)));
        }
        assertThat(jdbc.sql("select count(*) from app_wo_work_order o join app_wo_plan_order p on p.work_order_id = o.id "
                        + "where p.plan_id in (" + String.join(",", created.stream().map(p -> "'" + p.id() + "'").toList()) + ")")
                .query(Integer.class).single()).isEqualTo(30);
    }

    @Test
    void theSweepKeepsNoHistoryAndComesBackWithinTenSeconds() {
        fixtures.clockAt(DUE.plus(Duration.ofDays(20)).plusSeconds(3));
        fixtures.sweep();

        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RecurringPlanSweep.PROCESS_KEY).count())
                .as("flowable:historyLevel none").isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RecurringPlanSweep.PROCESS_KEY).count())
                .as("each sweep ends at once").isZero();
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RecurringPlanSweep.PROCESS_KEY)
                .latestVersion().singleResult().getId();
        Job next = managementService.createTimerJobQuery().processDefinitionId(definition).singleResult();
        assertThat(next.getDuedate().toInstant()).isEqualTo(DUE.plus(Duration.ofDays(20)).plusSeconds(10));
    }

    @Test
    void atStartupTheOldPerPlanInstancesAreCancelledAndEveryActivePlanIsDue() {
        String skill = fixtures.gardenerSkill();
        fixtures.clockAt(DUE.plus(Duration.ofDays(30)).minus(Duration.ofHours(12)));
        RecurringPlan plan = daily(skill, "A区花坛", DUE.plus(Duration.ofDays(29)));
        Instant expected = plan.nextDueAt();
        String deployment = repositoryService.createDeployment().name("before decision 76 (test)")
                .addClasspathResource("plans/recurring-work-order-before-76.bpmn20.xml").deploy().getId();
        try {
            String old = runtimeService.startProcessInstanceByKey(ProcessPerPlanUpgrade.OLD_PROCESS_KEY, plan.id()).getId();
            jdbc.sql("update app_wo_plan set next_due_at = null, process_instance_id = ? where id = ?").params(old, plan.id()).update();

            assertThat(upgrade.run()).isOne();

            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(old).count()).isZero();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(old).singleResult().getDeleteReason())
                    .isEqualTo(ProcessPerPlanUpgrade.REASON);
            assertThat(fixtures.nextDue(plan.id())).isEqualTo(expected);
            assertThat(jdbc.sql("select count(*) from app_wo_plan where process_instance_id is not null").query(Integer.class).single()).isZero();
            assertThat(upgrade.run()).as("idempotent").isZero();
            assertThat(fixtures.nextDue(plan.id())).isEqualTo(expected);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    /** A daily plan at 00:00 UTC starting the day of {@code start}, one location. */
    private RecurringPlan daily(String skill, String location, Instant start) {
        return plans.create(watering(skill, 1, "00:00", LocalDate.ofInstant(start, ZoneOffset.UTC).toString(), "UTC", List.of(location)), "sam");
    }
}
