package io.opsflow.workorder.plan;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.UserSkills;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.job.api.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff with unique skills, plan drafts like the seed's 绿化浇水, and the engine clock and timers moved by hand. */
@Component
class PlanFixtures {

    private final org.flowable.engine.IdentityService identityService;
    private final UserSkills userSkills;
    private final ProcessEngineConfiguration engine;
    private final ManagementService managementService;
    private final JdbcClient jdbc;

    PlanFixtures(org.flowable.engine.IdentityService identityService, UserSkills userSkills, ProcessEngineConfiguration engine,
            ManagementService managementService, JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    List<Job> dueTimers(String processInstanceId) {
        return managementService.createTimerJobQuery().processInstanceId(processInstanceId).executable().list();
    }

    /** When the plan's timer waits for, if it waits. */
    Instant timerDue(String processInstanceId) {
        List<Job> timers = managementService.createTimerJobQuery().processInstanceId(processInstanceId).list();
        return timers.isEmpty() ? null : timers.get(0).getDuedate().toInstant();
    }

    /**
     * Runs the plan's due timers the way the job executor would, until none is due, and then the async
     * jobs that start the generated orders' {@code work-order} processes (assignment); returns how many timers ran.
     */
    int runDueTimers(String processInstanceId) {
        int ran = fireDueTimers(processInstanceId);
        runOrderStarts(processInstanceId);
        return ran;
    }

    /**
     * The plan's generated orders whose {@code work-order} process is started but not run yet: their
     * async start jobs, run here as the job executor would; returns how many ran.
     */
    int runOrderStarts(String planProcessInstanceId) {
        List<String> instances = jdbc.sql("select o.process_instance_id from app_wo_plan p join app_wo_plan_order po on po.plan_id = p.id "
                        + "join app_wo_work_order o on o.id = po.work_order_id where p.process_instance_id = ? and o.process_instance_id is not null")
                .param(planProcessInstanceId).query(String.class).list();
        int ran = 0;
        for (String instance : instances) {
            for (Job job : managementService.createJobQuery().processInstanceId(instance).list()) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /** Runs the plan's due timers only (the orders' processes stay started but not run); returns how many ran. */
    int fireDueTimers(String processInstanceId) {
        int ran = 0;
        for (int round = 0; round < 20; round++) {
            List<Job> due = dueTimers(processInstanceId);
            if (due.isEmpty()) {
                return ran;
            }
            for (Job timer : due) {
                Job job = managementService.moveTimerToExecutableJob(timer.getId());
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        throw new IllegalStateException("timers kept firing for " + processInstanceId);
    }
}
