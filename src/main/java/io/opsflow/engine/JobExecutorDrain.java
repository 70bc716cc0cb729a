package io.opsflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.process.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncListenableTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown of the job executor's pool, just before the engine stops. Flowable's own shutdown
 * releases every lock this node owns, including those of jobs still running here, so another node
 * would run them a second time while this one finishes them. So first: accept no new job, drop the
 * queued ones (not started; the engine releases their locks right after) and give the running ones
 * up to 20 s to finish.
 */
@Component
class JobExecutorDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorDrain.class);

    private final SpringProcessEngineConfiguration engine;
    private final AsyncListenableTaskExecutor jobThreads;
    private volatile boolean running;

    JobExecutorDrain(SpringProcessEngineConfiguration engine, @Process AsyncListenableTaskExecutor jobThreads) {
        this.engine = engine;
        this.jobThreads = jobThreads;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (jobThreads instanceof ThreadPoolTaskExecutor executor && executor.getThreadPoolExecutor() != null) {
            int dropped = drain(executor.getThreadPoolExecutor(), 20);
            log.info("Job executor drained at shutdown: {} queued job(s) left for other nodes", dropped);
        }
    }

    /** Refuses new work, removes queued work and waits for the running work; returns how many were queued. */
    static int drain(ThreadPoolExecutor pool, long waitSeconds) {
        pool.shutdown();
        List<Runnable> queued = new ArrayList<>();
        pool.getQueue().drainTo(queued);
        try {
            if (!pool.awaitTermination(waitSeconds, TimeUnit.SECONDS)) {
                log.warn("Jobs still running after {} s of shutdown; their locks are released anyway", waitSeconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return queued.size();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return engine.getPhase() + 1;
    }
}
