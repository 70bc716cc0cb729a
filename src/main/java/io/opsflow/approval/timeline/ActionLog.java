package io.opsflow.approval.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approval action log ({@code app_apv_action}). Rows are written in the caller's transaction (the
 * engine's, through Spring), so an operation that fails or loses a race leaves no row behind.
 */
@Component
public class ActionLog {

    private static final int COMMENT_MAX = 4000;
    private static final int DETAIL_MAX = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ActionLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String processInstanceId, String taskId, String nodeId, ActionKind kind, String actor, String target,
            String detail, String comment) {
        jdbc.update("insert into app_apv_action (process_instance_id, task_id, node_id, kind, actor, target, detail, comment, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                processInstanceId, taskId, nodeId, kind.name(), actor == null ? "system" : actor, cut(target, 255),
                cut(detail, DETAIL_MAX), cut(comment, COMMENT_MAX), Timestamp.from(clock.instant()));
    }

    public List<ActionEntry> of(String processInstanceId) {
        return jdbc.query("select * from app_apv_action where process_instance_id = ? order by id", ActionLog::row, processInstanceId);
    }

    public Optional<ActionEntry> last(String processInstanceId, String actor, ActionKind kind) {
        return jdbc.query("select * from app_apv_action where process_instance_id = ? and actor = ? and kind = ? order by id desc",
                        ActionLog::row, processInstanceId, actor, kind.name())
                .stream()
                .findFirst();
    }

    /** Process instances a user was CC'd on, newest first. */
    public List<ActionEntry> ccTo(String userId, int limit) {
        return jdbc.query("select * from app_apv_action where kind = 'CC' and target = ? order by id desc", ActionLog::row, userId)
                .stream()
                .limit(limit)
                .toList();
    }

    public boolean wasCcTo(String processInstanceId, String userId) {
        Integer n = jdbc.queryForObject("select count(*) from app_apv_action where process_instance_id = ? and kind = 'CC' and target = ?",
                Integer.class, processInstanceId, userId);
        return n != null && n > 0;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static ActionEntry row(ResultSet rs, int n) throws SQLException {
        return new ActionEntry(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("task_id"), rs.getString("node_id"),
                ActionKind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("target"), rs.getString("detail"),
                rs.getString("comment"), rs.getTimestamp("created_at").toInstant());
    }
}
