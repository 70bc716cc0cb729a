package io.opsflow.workorder.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The misfire rule (decision 20): when a plan's timer fires for {@code dueCycle} at {@code now}, every
 * cycle due by now is reached at once. Only the <b>latest</b> of them gets its work orders; the older
 * ones, missed while no node ran the timer, are recorded as skipped (at most {@code keep}, the newest)
 * and never replayed. On time, the latest due cycle is simply {@code dueCycle} and nothing is skipped.
 *
 * @param generate the cycle whose orders are created now
 * @param skipped the missed cycles, oldest first
 * @param missed how many cycles were missed in all (may exceed {@code skipped.size()})
 */
record CatchUp(Instant generate, List<Instant> skipped, int missed) {

    static CatchUp of(PlanSchedule schedule, Instant dueCycle, Instant now, int keep) {
        if (!now.isAfter(dueCycle)) {
            return new CatchUp(dueCycle, List.of(), 0);
        }
        List<Instant> due = new ArrayList<>();
        due.add(dueCycle);
        int missed = 0;
        Instant t = dueCycle;
        while (true) {
            var next = schedule.nextAfter(t);
            if (next.isEmpty() || next.get().isAfter(now)) {
                break;
            }
            due.add(next.get());
            missed++;
            if (due.size() > keep + 1) {
                due.remove(0);
            }
            t = next.get();
        }
        Instant latest = due.remove(due.size() - 1);
        return new CatchUp(latest, List.copyOf(due), missed);
    }
}
