package io.opsflow.workorder.assignment;

import io.opsflow.workorder.support.PostgresCheck;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open, accepted and on-time counts per assignee in {@code app_wo_staff_load}, changed by the work-order
 * store in the same transaction as the order's own change, so the ranking reads one row per candidate.
 * Open = ASSIGNED or SUBMITTED; on time = archived and submitted by its due time.
 */
@Component
public class LoadCounters {

    // MERGE is not safe against a concurrent insert of the same key on either database: two first
    // assignments of one person at once (a recurring plan's burst starting its orders in parallel jobs)
    // failed with a duplicate key. PostgreSQL: INSERT ... ON CONFLICT. H2 has no ON CONFLICT DO UPDATE and
    // keeps a transaction usable after an error, so there: update, else insert, else (lost the race) update.
    private static final String UPSERT_POSTGRES = "insert into app_wo_staff_load (user_id, open_orders, accepted_orders, on_time_acceptances) "
            + "values (?, ?, 0, 0) on conflict (user_id) do update set open_orders = app_wo_staff_load.open_orders + excluded.open_orders";
    private static final String UPSERT_TWO_POSTGRES = "insert into app_wo_staff_load (user_id, open_orders, accepted_orders, on_time_acceptances) "
            + "values (?, ?, 0, 0), (?, ?, 0, 0) on conflict (user_id) do update set open_orders = app_wo_staff_load.open_orders + excluded.open_orders";
    private static final String UPDATE = "update app_wo_staff_load set open_orders = open_orders + ? where user_id = ?";
    private static final String INSERT = "insert into app_wo_staff_load (user_id, open_orders, accepted_orders, on_time_acceptances) values (?, ?, 0, 0)";

    private final JdbcClient jdbc;
    private final boolean postgres;

    LoadCounters(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = PostgresCheck.isPostgres(dataSource);
    }

    /** Adds {@code delta} to the user's open orders, creating the user's row the first time. */
    public void addOpen(String userId, int delta) {
        if (userId == null || delta == 0) {
            return;
        }
        if (postgres) {
            jdbc.sql(UPSERT_POSTGRES).params(userId, delta).update();
        } else if (jdbc.sql(UPDATE).params(delta, userId).update() == 0) {
            try {
                jdbc.sql(INSERT).params(userId, delta).update();
            } catch (DuplicateKeyException concurrentFirst) {
                jdbc.sql(UPDATE).params(delta, userId).update();
            }
        }
    }

    /**
     * Moves one open order from {@code from} to {@code to} (either may be null), changing the two rows in
     * user-id order, so two assignments moving orders between the same two people at once cannot deadlock.
     * On PostgreSQL one statement (its rows are written in the order listed).
     */
    public void moveOpen(String from, String to) {
        if (from != null && from.equals(to)) {
            return;
        }
        if (from == null || to == null) {
            addOpen(from, -1);
            addOpen(to, 1);
            return;
        }
        boolean fromFirst = from.compareTo(to) < 0;
        String first = fromFirst ? from : to;
        String second = fromFirst ? to : from;
        int firstDelta = fromFirst ? -1 : 1;
        if (postgres) {
            jdbc.sql(UPSERT_TWO_POSTGRES).params(first, firstDelta, second, -firstDelta).update();
        } else {
            addOpen(first, firstDelta);
            addOpen(second, -firstDelta);
        }
    }

    /** The order (just archived) is no longer open and counts as accepted, on time if submitted by its due time. */
    public void accepted(String workOrderId) {
        jdbc.sql("update app_wo_staff_load set open_orders = open_orders - 1, accepted_orders = accepted_orders + 1, "
                        + "on_time_acceptances = on_time_acceptances + "
                        + "(select case when o.submitted_at <= o.due_at then 1 else 0 end from app_wo_work_order o where o.id = ?) "
                        + "where user_id = (select o.assignee from app_wo_work_order o where o.id = ?)")
                .params(workOrderId, workOrderId)
                .update();
    }
}
