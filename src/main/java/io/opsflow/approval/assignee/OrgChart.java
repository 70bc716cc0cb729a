package io.opsflow.approval.assignee;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org chart approvals use for "the starter's supervisor": one direct supervisor per user, kept
 * in {@code app_approval_supervisor} and maintained by admins ({@code /api/v1/admin/approval-supervisors}).
 */
@Repository
public class OrgChart {

    public record Line(String userId, String supervisorId) {}

    private final JdbcTemplate jdbc;

    OrgChart(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> supervisorOf(String userId) {
        return jdbc.queryForList("select supervisor_id from app_approval_supervisor where user_id = ?", String.class, userId)
                .stream().findFirst();
    }

    public List<Line> all() {
        return jdbc.query("select user_id, supervisor_id from app_approval_supervisor order by user_id",
                (rs, n) -> new Line(rs.getString(1), rs.getString(2)));
    }

    @Transactional
    public void set(String userId, String supervisorId, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("update app_approval_supervisor set supervisor_id = ?, updated_by = ?, updated_at = ? where user_id = ?",
                supervisorId, by, now, userId);
        if (updated == 0) {
            jdbc.update("insert into app_approval_supervisor (user_id, supervisor_id, updated_by, updated_at) values (?, ?, ?, ?)",
                    userId, supervisorId, by, now);
        }
    }

    @Transactional
    public boolean remove(String userId) {
        return jdbc.update("delete from app_approval_supervisor where user_id = ?", userId) > 0;
    }

    /** Would setting {@code supervisorId} above {@code userId} make someone their own supervisor? */
    public boolean wouldLoop(String userId, String supervisorId) {
        String current = supervisorId;
        for (int i = 0; i < 100 && current != null; i++) {
            if (current.equals(userId)) {
                return true;
            }
            current = supervisorOf(current).orElse(null);
        }
        return false;
    }
}
