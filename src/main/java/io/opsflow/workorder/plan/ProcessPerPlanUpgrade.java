package io.opsflow.workorder.plan;

import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a database from decision 20's one {@code recurring-work-order} instance per plan to the sweep
 * (decision 76) at startup: cancels the running instances (their timers would otherwise fire the plan a
 * second way) and gives every active plan without one a next due time. Idempotent; two nodes starting
 * at once may both try, and an instance the other node cancelled first is simply skipped.
 */
@Component
class ProcessPerPlanUpgrade {

    static final String OLD_PROCESS_KEY = "recurring-work-order";
    static final String REASON = "replaced by recurring-plan-sweep, decision 76";
    private static final Logger log = LoggerFactory.getLogger(ProcessPerPlanUpgrade.class);

    private final RuntimeService runtimeService;
    private final PlanStore plans;
    private final PlanFiring firing;
    private final EngineClock clock;
    private final TransactionTemplate transaction;

    ProcessPerPlanUpgrade(RuntimeService runtimeService, PlanStore plans, PlanFiring firing, EngineClock clock,
            PlatformTransactionManager transactions) {
        this.runtimeService = runtimeService;
        this.plans = plans;
        this.firing = firing;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        run();
    }

    /** Returns how many old instances it cancelled. */
    int run() {
        int cancelled = 0;
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionKey(OLD_PROCESS_KEY).list()) {
            try {
                runtimeService.deleteProcessInstance(instance.getId(), REASON);
                cancelled++;
            } catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException e) {
                log.info("recurring-work-order instance {} was already cancelled elsewhere", instance.getId());
            }
        }
        transaction.executeWithoutResult(status -> {
            plans.unlinkProcesses();
            for (String id : plans.activeWithoutNextDue()) {
                plans.find(id).ifPresent(plan -> firing.reschedule(plan, clock.now()));
            }
        });
        if (cancelled > 0) {
            log.info("cancelled {} recurring-work-order instances: {}", cancelled, REASON);
        }
        return cancelled;
    }
}
