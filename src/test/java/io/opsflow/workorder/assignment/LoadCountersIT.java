package io.opsflow.workorder.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.NewWorkOrder;
import io.opsflow.workorder.order.WorkOrderStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The load counters follow every assignment and status change and match a recount of the orders. */
@OpsflowIntegrationTest
class LoadCountersIT {

    @Autowired WorkOrderStore store;
    @Autowired LoadCounters load;
    @Autowired JdbcClient jdbc;

    /**
     * A recurring plan's burst starts its orders in parallel jobs, so a person's first assignments arrive at
     * once: each must count, none may fail on the counter row's key (PostgreSQL's MERGE did).
     */
    @Test
    void firstAssignmentsOfOnePersonAtOnceAllCount() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                String person = TestUsers.uniqueId("burst");
                CyclicBarrier together = new CyclicBarrier(threads);
                List<Future<?>> adds = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    adds.add(pool.submit(() -> {
                        together.await();
                        load.addOpen(person, 1);
                        return null;
                    }));
                }
                for (Future<?> add : adds) {
                    add.get(30, TimeUnit.SECONDS);
                }
                assertThat(counters(person)).containsExactly((long) threads, 0L, 0L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void assignReassignSubmitReworkAndArchiveKeepTheCountersEqualToARecount() {
        String first = TestUsers.uniqueId("first");
        String second = TestUsers.uniqueId("second");
        String onTime = newOrder(Duration.ofHours(2));
        String late = newOrder(Duration.ofHours(-1));
        String waiting = newOrder(Duration.ofHours(2));

        store.recordAssignment(onTime, first, "{}");
        store.recordAssignment(late, first, "{}");
        store.recordAssignment(waiting, null, "{}");
        assertThat(counters(first)).containsExactly(2L, 0L, 0L);

        store.reassign(onTime, second);
        store.reassign(waiting, second);
        assertThat(counters(first)).containsExactly(1L, 0L, 0L);
        assertThat(counters(second)).containsExactly(2L, 0L, 0L);

        store.markSubmitted(onTime, true);
        store.markRework(onTime);
        store.markSubmitted(onTime, true);
        store.archive(onTime);
        store.markSubmitted(late, true);
        store.archive(late);

        assertThat(counters(first)).containsExactly(0L, 1L, 0L).isEqualTo(recount(first));
        assertThat(counters(second)).containsExactly(1L, 1L, 1L).isEqualTo(recount(second));
    }

    /**
     * Two orders passed back and forth between the same two people at once, in opposite directions: every move
     * changes both counter rows (one statement on PostgreSQL), in user-id order, so none deadlocks and the
     * counters still match a recount.
     */
    @Test
    void ordersMovedBetweenTwoPeopleInOppositeDirectionsAtOnceNeitherDeadlockNorMiscount() throws Exception {
        String a = TestUsers.uniqueId("swap-a");
        String b = TestUsers.uniqueId("swap-b");
        String ofA = newOrder(Duration.ofHours(2));
        String ofB = newOrder(Duration.ofHours(2));
        store.recordAssignment(ofA, a, "{}");
        store.recordAssignment(ofB, b, "{}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> movers = new ArrayList<>();
            for (String[] order : List.of(new String[] {ofA, b, a}, new String[] {ofB, a, b})) {
                movers.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < 40; i++) {
                        store.reassign(order[0], order[1 + i % 2]);
                    }
                    return null;
                }));
            }
            for (Future<?> mover : movers) {
                mover.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counters(a)).isEqualTo(recount(a)).containsExactly(1L, 0L, 0L);
        assertThat(counters(b)).isEqualTo(recount(b)).containsExactly(1L, 0L, 0L);
    }

    private String newOrder(Duration dueIn) {
        return store.create(new NewWorkOrder("Counter check", null, "A区", List.of("电工"), List.of(), 50, Instant.now().plus(dueIn), "sup"))
                .id();
    }

    private List<Long> counters(String user) {
        return jdbc.sql("select open_orders, accepted_orders, on_time_acceptances from app_wo_staff_load where user_id = ?")
                .param(user)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional()
                .orElse(List.of(0L, 0L, 0L));
    }

    private List<Long> recount(String user) {
        return jdbc.sql("select sum(case when status in ('ASSIGNED', 'SUBMITTED') then 1 else 0 end), "
                        + "sum(case when status = 'ARCHIVED' then 1 else 0 end), "
                        + "sum(case when status = 'ARCHIVED' and submitted_at <= due_at then 1 else 0 end) "
                        + "from app_wo_work_order where assignee = ?")
                .param(user)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }
}
