package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class JobExecutorDrainTest {

    @Test
    void runningJobsFinishAndQueuedOnesNeverStart() throws InterruptedException {
        var pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        var started = new CountDownLatch(1);
        var finished = new AtomicInteger();
        var queuedRan = new AtomicInteger();
        pool.execute(() -> {
            started.countDown();
            // Still running when the drain begins: it finishes only once the pool is shut down and emptied.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pool.isShutdown() && pool.getQueue().isEmpty());
            finished.incrementAndGet();
        });
        for (int i = 0; i < 3; i++) {
            pool.execute(queuedRan::incrementAndGet);
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        int dropped = JobExecutorDrain.drain(pool, 10);

        assertThat(dropped).isEqualTo(3);
        assertThat(finished.get()).isEqualTo(1);
        assertThat(queuedRan.get()).isZero();
        assertThat(pool.isTerminated()).isTrue();
    }
}
