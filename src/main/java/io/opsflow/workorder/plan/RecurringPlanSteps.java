package io.opsflow.workorder.plan;

import java.time.Instant;
import java.util.Date;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code recurring-work-order.bpmn20.xml}, called as {@code ${recurringPlanSteps.schedule(execution)}}
 * and {@code ${recurringPlanSteps.createCycleOrders(execution)}}. Variables: planId, planState (ACTIVE,
 * PAUSED, ENDED), nextDueAt (the timer's date) and lastCycleAt (the last cycle reached).
 */
@Component("recurringPlanSteps")
class RecurringPlanSteps {

    static final String SYSTEM = "recurring-plan-schedule";

    private final PlanStore plans;
    private final CycleOrders cycleOrders;
    private final PlanSettings settings;
    private final EngineClock clock;

    RecurringPlanSteps(PlanStore plans, CycleOrders cycleOrders, PlanSettings settings, EngineClock clock) {
        this.plans = plans;
        this.cycleOrders = cycleOrders;
        this.settings = settings;
        this.clock = clock;
    }

    /** After a start, a cycle or a change: the plan's state, and when active the next cycle from now on. */
    public void schedule(DelegateExecution execution) {
        RecurringPlan plan = plan(execution);
        PlanStatus state = plan.status();
        Instant next = null;
        if (state == PlanStatus.ACTIVE) {
            Instant from = latest(clock.now(), (Date) execution.getVariable("lastCycleAt"));
            next = plan.schedule().nextAfter(from).orElse(null);
            if (next == null && plans.changeStatus(plan.id(), null, PlanStatus.ACTIVE, PlanStatus.ENDED, SYSTEM)) {
                plans.audit(plan.id(), "ENDED", SYSTEM, "no cycle left on or before the end date " + plan.endDate());
                state = PlanStatus.ENDED;
            }
        }
        plans.setNextDue(plan.id(), next);
        execution.setVariable("planState", state.name());
        execution.setVariable("nextDueAt", next == null ? null : Date.from(next));
    }

    /** The timer fired: the latest due cycle gets its orders, older missed ones are recorded as skipped. */
    public void createCycleOrders(DelegateExecution execution) {
        RecurringPlan plan = plan(execution);
        Date due = (Date) execution.getVariable("nextDueAt");
        if (plan.status() != PlanStatus.ACTIVE || due == null) {
            return;
        }
        CatchUp catchUp = CatchUp.of(plan.schedule(), due.toInstant(), clock.now(), settings.skippedCyclesKept());
        cycleOrders.skip(plan, catchUp.skipped());
        cycleOrders.generate(plan, catchUp.generate());
        execution.setVariable("lastCycleAt", Date.from(catchUp.generate()));
        execution.setVariable("missedCycles", catchUp.missed());
    }

    private RecurringPlan plan(DelegateExecution execution) {
        Object id = execution.getVariable("planId");
        return plans.find(String.valueOf(id)).orElseThrow(() -> new FlowableIllegalArgumentException("unknown plan '" + id + "'"));
    }

    private static Instant latest(Instant now, Date lastCycle) {
        return lastCycle == null || now.isAfter(lastCycle.toInstant()) ? now : lastCycle.toInstant();
    }
}
