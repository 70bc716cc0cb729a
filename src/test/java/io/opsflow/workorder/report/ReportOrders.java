package io.opsflow.workorder.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Work-order rows with chosen timestamps, written straight into app_wo_work_order for report tests. */
@Component
class ReportOrders {

    private final JdbcClient jdbc;

    ReportOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An order; {@code submittedAt}/{@code archivedAt} null for orders not that far. */
    /** A staff directory schedule of Monday to Friday 08:00-16:00 UTC (40 hours a week) for the user. */
    void workingWeek(String userId) {
        jdbc.sql("insert into app_staff (user_id, on_duty, time_zone) values (?, true, 'UTC')").params(userId).update();
        for (int day = 1; day <= 5; day++) {
            jdbc.sql("insert into app_staff_hours (user_id, day_of_week, start_time, end_time) values (?, ?, '08:00', '16:00')")
                    .params(userId, day).update();
        }
    }

    void insert(String templateCode, String title, String status, String assignee, Instant createdAt, Instant dueAt,
            Instant submittedAt, Instant archivedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into app_wo_work_order (id, number, title, template_code, location, skills, priority, due_at, status, assignee, "
                        + "created_by, created_at, updated_at, submitted_at, archived_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, "RPT-" + id.substring(0, 8), title, templateCode, "A区", "[]", 50, utc(dueAt), status, assignee, "report-test",
                        utc(createdAt), utc(createdAt), utc(submittedAt), utc(archivedAt))
                .update();
    }

    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
