package io.opsflow.workorder.plan;

import org.flowable.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step of {@code recurring-plan-sweep.bpmn20.xml}, called as {@code ${recurringPlanSweep.fire(execution)}}
 * by the sweep's timer (every 10 s, one node at a time): fires every due plan.
 */
@Component("recurringPlanSweep")
class RecurringPlanSweep {

    static final String PROCESS_KEY = "recurring-plan-sweep";
    private static final Logger log = LoggerFactory.getLogger(RecurringPlanSweep.class);

    private final DuePlanSweep sweep;

    RecurringPlanSweep(DuePlanSweep sweep) {
        this.sweep = sweep;
    }

    public void fire(DelegateExecution execution) {
        long t0 = System.nanoTime();
        DuePlanSweep.Outcome outcome = sweep.run();
        if (outcome.fired() > 0 || outcome.failed() > 0) {
            log.info("recurring-plan sweep: {} plans fired, {} failed, {} batches, {} ms", outcome.fired(), outcome.failed(),
                    outcome.batches(), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
