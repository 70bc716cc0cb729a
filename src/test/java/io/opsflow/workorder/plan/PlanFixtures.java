package io.opsflow.workorder.plan;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.UserSkills;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.job.api.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff with unique skills, plan drafts like the seed's 绿化浇水, and the engine clock and the sweep's timer moved by hand. */
@Component
class PlanFixtures {

    private final org.flowable.engine.IdentityService identityService;
    private final UserSkills userSkills;
    private final ProcessEngineConfiguration engine;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;

    PlanFixtures(org.flowable.engine.IdentityService identityService, UserSkills userSkills, ProcessEngineConfiguration engine,
            ManagementService managementService, RepositoryService repositoryService, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.userSkills = userSkills;
        this.engine = engine;
        this.managementService = managementService;
    }

    /** A gardener with a skill only this test has (e.g. 绿化-1a2b3c4d); returns the skill. */
    String gardenerSkill() {
        String skill = TestUsers.uniqueId("绿化");
        String id = TestUsers.create(identityService, "gardener", Groups.STAFF);
        userSkills.replace(id, List.of(skill));
        return skill;
    }

    String supervisor() {
        return TestUsers.create(identityService, "plan-supervisor", Groups.SUPERVISOR);
    }

    /** The seed's plan: 绿化浇水 every N days at A区花坛 and B区草坪. */
    static PlanDraft watering(String skill, int cycleDays, String timeOfDay, String startDate, String zone, List<String> locations) {
        return new PlanDraft("绿化浇水", null, List.of(skill), List.of("检查土壤", "浇水", "记录"), locations, cycleDays, null, timeOfDay,
                startDate, null, zone, "PT8H", 40);
    }

    void clockAt(Instant instant) {
        engine.getClock().setCurrentTime(Date.from(instant));
    }

    void resetClock() {
        engine.getClock().reset();
    }

    /** When the sweep fires the plan next (null: never). */
    Instant nextDue(String planId) {
        return jdbc.sql("select next_due_at from app_wo_plan where id = ?").param(planId)
                .query((rs, n) -> PlanStore.instant(rs.getTimestamp(1))).list().get(0);
    }

    /**
     * Runs the sweep's timer job the way the job executor would (whatever its due date: tests move the
     * clock back and forth) and then the async jobs that start the plan's generated orders'
     * {@code work-order} processes (assignment).
     */
    void sweepAndStart(String planId) {
        sweep();
        runOrderStarts(planId);
    }

    /** Runs the {@code recurring-plan-sweep} timer job once: the real BPMN, its step and its next timer. */
    void sweep() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RecurringPlanSweep.PROCESS_KEY)
                .latestVersion().singleResult().getId();
        List<Job> timers = managementService.createTimerJobQuery().processDefinitionId(definition).list();
        if (timers.size() != 1) {
            throw new IllegalStateException("the sweep should have exactly one timer, not " + timers.size());
        }
        Job job = managementService.moveTimerToExecutableJob(timers.get(0).getId());
        managementService.executeJob(job.getId());
    }

    /**
     * The plan's generated orders whose {@code work-order} process is started but not run yet: their
     * async start jobs, run here as the job executor would; returns how many ran.
     */
    int runOrderStarts(String planId) {
        List<String> instances = jdbc.sql("select o.process_instance_id from app_wo_plan_order po "
                        + "join app_wo_work_order o on o.id = po.work_order_id where po.plan_id = ? and o.process_instance_id is not null")
                .param(planId).query(String.class).list();
        int ran = 0;
        for (String instance : instances) {
            for (Job job : managementService.createJobQuery().processInstanceId(instance).list()) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }
}
