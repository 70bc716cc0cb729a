package io.opsflow.workorder.plan;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Fires one due plan inside the caller's transaction, its row locked by the caller: the misfire rule
 * ({@link CatchUp}: the latest due cycle gets its orders, older missed ones are recorded as skipped),
 * the cycle's orders ({@link CycleOrders}), then the next due time. Also the one place that moves a plan
 * to its next cycle, for the firing and for the plan's own changes alike.
 */
@Component
class PlanFiring {

    static final String SYSTEM = "recurring-plan-schedule";

    private final PlanStore plans;
    private final CycleOrders cycleOrders;
    private final PlanSettings settings;

    PlanFiring(PlanStore plans, CycleOrders cycleOrders, PlanSettings settings) {
        this.plans = plans;
        this.cycleOrders = cycleOrders;
        this.settings = settings;
    }

    /** Fires {@code plan} (ACTIVE, due by {@code now}); returns how many orders it created. */
    int fire(RecurringPlan plan, Instant now) {
        CatchUp catchUp = CatchUp.of(plan.schedule(), plan.nextDueAt(), now, settings.skippedCyclesKept());
        cycleOrders.skip(plan, catchUp.skipped());
        int created = cycleOrders.generate(plan, catchUp.generate());
        scheduleAfter(plan, latest(now, catchUp.generate()));
        return created;
    }

    /**
     * An active plan waits for its first cycle after max(now, its last cycle); one without a cycle left
     * on or before its end date ends (audited). Paused and ended plans wait for nothing.
     */
    void reschedule(RecurringPlan plan, Instant now) {
        if (plan.status() != PlanStatus.ACTIVE) {
            plans.setNextDue(plan.id(), null);
            return;
        }
        scheduleAfter(plan, plans.lastCycle(plan.id()).map(last -> latest(now, last)).orElse(now));
    }

    private void scheduleAfter(RecurringPlan plan, Instant from) {
        Instant next = plan.schedule().nextAfter(from).orElse(null);
        if (next == null && plans.changeStatus(plan.id(), null, PlanStatus.ACTIVE, PlanStatus.ENDED, SYSTEM)) {
            plans.audit(plan.id(), "ENDED", SYSTEM, "no cycle left on or before the end date " + plan.endDate());
        }
        plans.setNextDue(plan.id(), next);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
