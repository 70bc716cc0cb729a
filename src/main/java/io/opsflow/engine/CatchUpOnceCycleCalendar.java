package io.opsflow.engine;

import java.util.Calendar;
import java.util.Date;
import org.flowable.common.engine.impl.calendar.CycleBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DurationHelper;
import org.flowable.common.engine.impl.runtime.ClockReader;

/**
 * BPMN timer cycles after a gap (a clock jump, all nodes or the database down for longer than a
 * period): fire once for the missed slots, then go on at the next slot of the original schedule that
 * is still ahead; a bounded cycle whose remaining slots have all passed ends with that one firing.
 * Flowable 7.2 does this for endless cycles ({@code R/PT1H}) but puts each missed repetition of a
 * bounded one ({@code R3/PT1H}) at the current time, so a day's jump fired all three back to back.
 * A repetition late by less than one period (an executor running behind) still fires as Flowable
 * has it. Decision 0013. Cron cycles and cycles without a start or period are left to Flowable.
 */
class CatchUpOnceCycleCalendar extends CycleBusinessCalendar {

    CatchUpOnceCycleCalendar(ClockReader clockReader) {
        super(clockReader);
    }

    @Override
    public Date resolveDuedate(String duedateDescription, int maxIterations) {
        Date flowable = super.resolveDuedate(duedateDescription, maxIterations);
        if (flowable == null || maxIterations <= 0 || duedateDescription == null || !duedateDescription.startsWith("R")) {
            return flowable;
        }
        Date now = clockReader.getCurrentTime();
        if (flowable.after(now)) {
            return flowable; // the next slot is still ahead: Flowable's answer is the schedule's
        }
        try {
            var cycle = new DurationHelper(duedateDescription, maxIterations, clockReader);
            if (cycle.getStart() == null || cycle.getPeriod() == null) {
                return flowable;
            }
            // The slot Flowable stepped to (it answers "now" because that slot has passed).
            Calendar stepped = (Calendar) cycle.getStart().clone();
            for (int i = 0; i < maxIterations - cycle.getTimes() + 1; i++) {
                cycle.getPeriod().addTo(stepped);
            }
            Calendar grace = (Calendar) stepped.clone();
            cycle.getPeriod().addTo(grace);
            if (grace.getTime().after(now)) {
                return flowable; // late by less than a period: the executor is behind, not a gap
            }
            return nextSlotAfter(cycle.getStart(), cycle, maxIterations, now);
        } catch (Exception e) {
            return flowable;
        }
    }

    /** The first of start + k × period (k = 0 … maxIterations) after now, or null when all have passed. */
    private static Date nextSlotAfter(Calendar start, DurationHelper cycle, int maxIterations, Date now) {
        Calendar slot = (Calendar) start.clone();
        for (int k = 0; k <= maxIterations; k++) {
            if (slot.getTime().after(now)) {
                return slot.getTime();
            }
            cycle.getPeriod().addTo(slot);
        }
        return null;
    }
}
