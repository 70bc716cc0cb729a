package io.opsflow.workorder.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.flowable.common.engine.impl.cfg.TransactionPropagation;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires every due plan (decision 76): batch after batch, each in a transaction of its own, claims up to
 * {@code sweepBatch} due plans (row locks; PostgreSQL skips the ones another sweep holds) and fires
 * them, until none is due or {@code sweepBudget} is spent (on PostgreSQL optionally with
 * {@code sweepWorkers} threads side by side). A batch that fails is rolled back and fired
 * again plan by plan, so one broken plan neither blocks nor undoes the others; a plan that fails alone
 * stays due, gets a short error naming a log reference and is left alone for {@code fireRetryAfter}.
 */
@Component
class DuePlanSweep {

    /** A new Flowable command context, so the orders' process starts flush in the batch's transaction, not the caller's job. */
    private static final CommandConfig OWN_COMMAND_CONTEXT = new CommandConfig(false, TransactionPropagation.REQUIRED);
    private static final Logger log = LoggerFactory.getLogger(DuePlanSweep.class);

    /** What one sweep did: plans fired, plans whose firing failed alone, batches taken. */
    record Outcome(int fired, int failed, int batches) {}

    private record Batch(int claimed, int fired, int failed) {}

    private final PlanStore plans;
    private final PlanFiring firing;
    private final PlanSettings settings;
    private final EngineClock clock;
    private final ManagementService managementService;
    private final TransactionTemplate ownTransaction;

    DuePlanSweep(PlanStore plans, PlanFiring firing, PlanSettings settings, EngineClock clock, ManagementService managementService,
            PlatformTransactionManager transactions) {
        this.plans = plans;
        this.firing = firing;
        this.settings = settings;
        this.clock = clock;
        this.managementService = managementService;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * One sweep: {@code sweepWorkers} threads (on PostgreSQL, whose claim skips the others' rows; one
     * elsewhere) take batches until none is due or the budget is spent.
     */
    Outcome run() {
        long deadline = System.nanoTime() + settings.sweepBudget().toNanos();
        int workers = plans.claimSkipsLocked() ? Math.max(1, settings.sweepWorkers()) : 1;
        if (workers == 1) {
            return batchesUntil(deadline);
        }
        ExecutorService others = Executors.newFixedThreadPool(workers - 1);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 1; i < workers; i++) {
                running.add(others.submit(() -> batchesUntil(deadline)));
            }
            Outcome total = batchesUntil(deadline);
            for (Future<Outcome> other : running) {
                Outcome o = join(other);
                total = new Outcome(total.fired() + o.fired(), total.failed() + o.failed(), total.batches() + o.batches());
            }
            return total;
        } finally {
            others.shutdown();
        }
    }

    private static Outcome join(Future<Outcome> worker) {
        try {
            return worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sweep's workers ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Outcome batchesUntil(long deadline) {
        int fired = 0;
        int failed = 0;
        int batches = 0;
        while (true) {
            Batch batch = batch(clock.now());
            fired += batch.fired();
            failed += batch.failed();
            batches++;
            if (batch.claimed() < settings.sweepBatch() || System.nanoTime() >= deadline) {
                return new Outcome(fired, failed, batches);
            }
        }
    }

    private Batch batch(Instant now) {
        List<String> claimed = new ArrayList<>();
        try {
            int fired = inOwnTransaction(() -> {
                List<RecurringPlan> due = plans.claimDue(now, settings.sweepBatch());
                due.forEach(plan -> claimed.add(plan.id()));
                due.forEach(plan -> firing.fire(plan, now));
                return due.size();
            });
            return new Batch(claimed.size(), fired, 0);
        } catch (PessimisticLockingFailureException e) {
            if (claimed.isEmpty()) {
                log.info("another sweep holds the due plans ({}); this one stops", e.getMessage());
                return new Batch(0, 0, 0);
            }
            return onePlanAtATime(claimed, now, e);
        } catch (RuntimeException e) {
            if (claimed.isEmpty()) {
                throw e;
            }
            return onePlanAtATime(claimed, now, e);
        }
    }

    private Batch onePlanAtATime(List<String> claimed, Instant now, RuntimeException cause) {
        log.warn("a batch of {} due plans failed ({}); firing them one by one", claimed.size(), cause.toString());
        int fired = 0;
        int failed = 0;
        for (String id : claimed) {
            try {
                fired += inOwnTransaction(() -> fireIfDue(id, now));
            } catch (PessimisticLockingFailureException e) {
                log.info("plan {} is held by another sweep or change; left to it", id);
            } catch (RuntimeException e) {
                failed++;
                recordFailure(id, now, e);
            }
        }
        return new Batch(claimed.size(), fired, failed);
    }

    private int fireIfDue(String id, Instant now) {
        return plans.lockIfDue(id, now).map(plan -> {
            firing.fire(plan, now);
            return 1;
        }).orElse(0);
    }

    private void recordFailure(String id, Instant now, RuntimeException e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        Instant retryAt = now.plus(settings.fireRetryAfter());
        log.error("recurring plan {} could not fire (reference {}); it stays due and is tried again after {}", id, reference, retryAt, e);
        try {
            ownTransaction.executeWithoutResult(status -> plans.recordFireFailure(id,
                    "firing failed at " + now + "; tried again after " + retryAt + " (server log reference " + reference + ")", retryAt));
        } catch (RuntimeException again) {
            log.error("could not record the failure of plan {} (reference {})", id, reference, again);
        }
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> managementService.executeCommand(OWN_COMMAND_CONTEXT, commandContext -> work.get()));
    }
}
