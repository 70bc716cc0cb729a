package io.opsflow.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.ProcessEngine;

/**
 * Counts the jobs an engine's async executor turned away because its queue was full. Such a job
 * is unlocked and waits for the acquisition thread instead of running right after its commit, which
 * is where long commit-to-delivery tails come from. Only observes; changes nothing.
 */
public final class RejectedJobCounter implements FlowableEventListener {

    private final AtomicInteger rejected = new AtomicInteger();

    public static RejectedJobCounter on(ProcessEngine engine) {
        var counter = new RejectedJobCounter();
        engine.getRuntimeService().addEventListener(counter, FlowableEngineEventType.JOB_REJECTED);
        return counter;
    }

    public int count() {
        return rejected.get();
    }

    @Override
    public void onEvent(FlowableEvent event) {
        rejected.incrementAndGet();
    }

    @Override
    public boolean isFailOnException() {
        return false;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
