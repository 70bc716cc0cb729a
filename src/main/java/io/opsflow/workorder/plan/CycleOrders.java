package io.opsflow.workorder.plan;

import io.opsflow.workorder.order.NewWorkOrder;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.process.WorkOrderProcess;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a cycle's work orders: one per location, each due {@code dueAfter} after the cycle time. The
 * firing only stores (the orders, their links, the cycle row; the sweep's batch moves the plan to its
 * next cycle) and starts each order's {@code work-order} process asynchronously, so the assignment - which
 * updates the assignee's load row - runs in a short job of its own instead of holding that row for the
 * whole firing (decision 0069). A
 * location whose order for this cycle exists already is left alone, so running a cycle twice (a
 * retried batch, a second sweep) creates nothing twice; the key plan + cycle + location in {@code app_wo_plan_order}
 * is the final guard against two runs at the same moment.
 */
@Component
class CycleOrders {

    private final PlanStore plans;
    private final WorkOrderStore orders;
    private final WorkOrderProcess process;
    private final EngineClock clock;

    CycleOrders(PlanStore plans, WorkOrderStore orders, WorkOrderProcess process, EngineClock clock) {
        this.plans = plans;
        this.orders = orders;
        this.process = process;
        this.clock = clock;
    }

    /** Returns how many orders this call created (0 when the cycle was done already). */
    @Transactional
    public int generate(RecurringPlan plan, Instant cycleAt) {
        int created = 0;
        for (String location : plan.locations()) {
            if (plans.hasOrder(plan.id(), cycleAt, location)) {
                continue;
            }
            WorkOrder order = orders.create(new NewWorkOrder(plan.title(), plan.templateCode(), location, plan.skills(), plan.checklist(),
                    plan.priority(), cycleAt.plus(plan.dueAfter()), plan.createdBy()));
            plans.linkOrder(plan.id(), cycleAt, location, order.id());
            process.startInBackground(order, plan.createdBy());
            created++;
        }
        if (!plans.hasCycle(plan.id(), cycleAt)) {
            plans.recordCycle(plan.id(), cycleAt, PlanCycle.GENERATED, clock.now());
        }
        return created;
    }

    /** Records missed cycles as skipped (visible on the plan); they get no orders. */
    @Transactional
    public void skip(RecurringPlan plan, Iterable<Instant> cycles) {
        Instant now = clock.now();
        for (Instant cycleAt : cycles) {
            if (!plans.hasCycle(plan.id(), cycleAt)) {
                plans.recordCycle(plan.id(), cycleAt, PlanCycle.SKIPPED, now);
            }
        }
    }
}
