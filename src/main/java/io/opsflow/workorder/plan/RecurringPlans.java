package io.opsflow.workorder.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Create, edit, pause, resume and end recurring plans; each change is audited and moves the plan's
 * next due time in the same transaction (from now on; paused and ended plans have none), and the
 * {@code recurring-plan-sweep} fires the plans when it comes (decision 76). A change waits for the row
 * lock while the sweep is firing that plan. Orders already generated are never changed.
 */
@Component
public class RecurringPlans {

    static final int PREVIEW = 5;

    private final PlanStore store;
    private final PlanRules rules;
    private final PlanFiring firing;
    private final EngineClock clock;

    RecurringPlans(PlanStore store, PlanRules rules, PlanFiring firing, EngineClock clock) {
        this.store = store;
        this.rules = rules;
        this.firing = firing;
        this.clock = clock;
    }

    @Transactional
    public RecurringPlan create(PlanDraft draft, String by) {
        RecurringPlan checked = rules.check(draft);
        String id = store.insert(checked, by);
        store.audit(id, "CREATED", by, summary(checked));
        return rescheduled(id);
    }

    public Optional<RecurringPlan> find(String id) {
        return store.find(id);
    }

    public List<RecurringPlan> list(PlanStatus status, int limit) {
        return store.list(status, limit);
    }

    /** A new definition from now on; {@code version} is the one the caller read (409 when stale). */
    @Transactional
    public RecurringPlan edit(String id, int version, PlanDraft draft, String by) {
        RecurringPlan checked = rules.check(draft);
        RecurringPlan current = existing(id);
        if (current.status() == PlanStatus.ENDED) {
            throw new PlanConflict("plan '" + current.title() + "' has ended and can no longer change");
        }
        if (!store.update(id, version, checked, by)) {
            throw stale(id, version);
        }
        store.audit(id, "EDITED", by, summary(checked));
        return rescheduled(id);
    }

    @Transactional
    public RecurringPlan pause(String id, Integer version, String by) {
        return change(id, version, PlanStatus.ACTIVE, PlanStatus.PAUSED, "PAUSED", by);
    }

    @Transactional
    public RecurringPlan resume(String id, Integer version, String by) {
        return change(id, version, PlanStatus.PAUSED, PlanStatus.ACTIVE, "RESUMED", by);
    }

    /** Ends an active or paused plan for good; its orders stay. */
    @Transactional
    public RecurringPlan end(String id, Integer version, String by) {
        RecurringPlan current = existing(id);
        PlanStatus from = current.status() == PlanStatus.PAUSED ? PlanStatus.PAUSED : PlanStatus.ACTIVE;
        return change(id, version, from, PlanStatus.ENDED, "ENDED", by);
    }

    public List<PlanCycle> cycles(String id, int limit) {
        return store.cycles(id, limit);
    }

    public List<PlanOrder> orders(String id, int limit) {
        return store.orders(id, limit);
    }

    public List<PlanAuditEntry> audit(String id) {
        return store.auditOf(id);
    }

    /** The next due times of a saved plan, from now (none when it is not active). */
    public List<Instant> nextDueTimes(RecurringPlan plan) {
        return plan.status() == PlanStatus.ACTIVE ? plan.schedule().next(clock.now(), PREVIEW) : List.of();
    }

    /** The next due times a draft would have from now; bad input is a 400 like saving it. */
    public List<Instant> preview(PlanDraft draft) {
        return rules.check(draft).schedule().next(clock.now(), PREVIEW);
    }

    private RecurringPlan change(String id, Integer version, PlanStatus from, PlanStatus to, String action, String by) {
        RecurringPlan current = existing(id);
        if (current.status() != from) {
            throw new PlanConflict("plan '" + current.title() + "' is " + current.status() + "; it cannot be " + action.toLowerCase());
        }
        if (!store.changeStatus(id, version, from, to, by)) {
            throw stale(id, version == null ? current.version() : version);
        }
        store.audit(id, action, by, from + " -> " + to);
        return rescheduled(id);
    }

    /** The plan's next due time from now on, for its stored definition and status. */
    private RecurringPlan rescheduled(String id) {
        firing.reschedule(existing(id), clock.now());
        return existing(id);
    }

    private RecurringPlan existing(String id) {
        return store.find(id).orElseThrow(() -> new UnknownPlan(id));
    }

    private PlanConflict stale(String id, int version) {
        int now = store.find(id).map(RecurringPlan::version).orElse(-1);
        return new PlanConflict("the plan was changed by someone else (you sent version " + version + ", it is now " + now
                + "); reload it and apply your change again");
    }

    private static String summary(RecurringPlan p) {
        return p.title() + "; " + p.cycleText() + " from " + p.startDate() + (p.endDate() == null ? "" : " to " + p.endDate())
                + "; locations " + String.join(", ", p.locations()) + "; skills " + String.join(", ", p.skills())
                + "; due after " + p.dueAfter() + "; priority " + p.priority();
    }
}
