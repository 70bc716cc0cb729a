package io.opsflow.workorder.assignment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open, accepted and on-time counts per assignee in {@code app_wo_staff_load}, changed by the work-order
 * store in the same transaction as the order's own change, so the ranking reads one row per candidate.
 * Open = ASSIGNED or SUBMITTED; on time = archived and submitted by its due time.
 */
@Component
public class LoadCounters {

    private final JdbcClient jdbc;

    LoadCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code delta} to the user's open orders, creating the user's row the first time. */
    public void addOpen(String userId, int delta) {
        if (userId == null || delta == 0) {
            return;
        }
        jdbc.sql("merge into app_wo_staff_load t using (select cast(? as varchar(255)) as user_id) s on (t.user_id = s.user_id) "
                        + "when matched then update set open_orders = t.open_orders + ? "
                        + "when not matched then insert (user_id, open_orders, accepted_orders, on_time_acceptances) values (s.user_id, ?, 0, 0)")
                .params(userId, delta, delta)
                .update();
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
