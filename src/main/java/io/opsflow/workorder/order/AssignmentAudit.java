package io.opsflow.workorder.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who changed a work order's assignee, when and why: {@code app_wo_assignment_audit}, append-only. */
@Component
public class AssignmentAudit {

    private final JdbcClient jdbc;
    private final Clock clock;

    AssignmentAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String workOrderId, String kind, String from, String to, String by, String reason) {
        jdbc.sql("insert into app_wo_assignment_audit (id, work_order_id, kind, from_user, to_user, changed_by, reason, changed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), workOrderId, kind, from, to, by, reason,
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    public List<AuditEntry> of(String workOrderId) {
        return jdbc.sql("select * from app_wo_assignment_audit where work_order_id = ? order by changed_at, id")
                .param(workOrderId)
                .query((rs, n) -> new AuditEntry(rs.getString("kind"), rs.getString("from_user"), rs.getString("to_user"),
                        rs.getString("changed_by"), rs.getString("reason"), instant(rs.getTimestamp("changed_at"))))
                .list();
    }

    static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
