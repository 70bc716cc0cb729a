package io.opsflow.messaging.delivery;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.template.TemplateFormat;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The send log in {@code app_msg_log}; also the outbox the delivery jobs read. */
@Component
public class SendLog {

    private static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SendLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(LogEntry e) {
        LocalDateTime now = now();
        jdbc.sql("insert into app_msg_log (id, idempotency_key, status, channel_id, channel_name, channel_type, template_code, "
                        + "message_type, recipient, address, subject, body, format, process_instance_id, activity_id, task_id, error, "
                        + "attempts, max_attempts, backoff_seconds, resent_from, not_before, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.idempotencyKey(), e.status().name(), e.channelId(), e.channelName(),
                        e.channelType() == null ? null : e.channelType().name(), e.templateCode(), e.messageType(),
                        cut(e.recipient(), 320), e.address() == null ? null : cut(e.address(), 320), e.subject(), e.body(),
                        e.format() == null ? null : e.format().name(), e.processInstanceId(), e.activityId(), e.taskId(),
                        e.error() == null ? null : cut(e.error(), MAX_ERROR), e.attempts(), e.maxAttempts(), e.backoffSeconds(),
                        e.resentFrom(), e.notBefore() == null ? null : utc(e.notBefore()), now, now)
                .update();
    }

    public Optional<LogEntry> find(String id) {
        return jdbc.sql("select * from app_msg_log where id = ?").param(id).query(SendLog::row).optional();
    }

    public Optional<String> idByKey(String idempotencyKey) {
        return jdbc.sql("select id from app_msg_log where idempotency_key = ?").param(idempotencyKey).query(String.class).optional();
    }

    /** How often this step already produced this message for this recipient (a step inside a loop runs again). */
    public long occurrences(String processInstanceId, String activityId, String template, String channelId, String recipient) {
        return jdbc.sql("select count(*) from app_msg_log where process_instance_id = ? and activity_id = ? and template_code = ? "
                        + "and channel_id = ? and recipient = ?")
                .params(processInstanceId, activityId, template, channelId, recipient)
                .query(Long.class)
                .single();
    }

    public void markSent(String id, int attempts) {
        jdbc.sql("update app_msg_log set status = ?, attempts = ?, error = null, sent_at = ?, updated_at = ? where id = ?")
                .params(MessageStatus.SENT.name(), attempts, now(), now(), id)
                .update();
    }

    public void markUnsent(String id, MessageStatus status, int attempts, String error) {
        jdbc.sql("update app_msg_log set status = ?, attempts = ?, error = ?, updated_at = ? where id = ? and status <> ?")
                .params(status.name(), attempts, cut(error, MAX_ERROR), now(), id, MessageStatus.SENT.name())
                .update();
    }

    public record Page(List<LogEntry> items, long total, int page, int size) {}

    public Page search(LogFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = LogFilterSql.where(filter, params);
        long total = jdbc.sql("select count(*) from app_msg_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<LogEntry> items = jdbc.sql("select * from app_msg_log" + where + " order by created_at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query(SendLog::row)
                .list();
        return new Page(items, total, page, size);
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static LogEntry row(ResultSet rs, int n) throws SQLException {
        String type = rs.getString("channel_type");
        String format = rs.getString("format");
        return new LogEntry(
                rs.getString("id"),
                rs.getString("idempotency_key"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("channel_id"),
                rs.getString("channel_name"),
                type == null ? null : ChannelType.valueOf(type),
                rs.getString("template_code"),
                rs.getString("message_type"),
                rs.getString("recipient"),
                rs.getString("address"),
                rs.getString("subject"),
                rs.getString("body"),
                format == null ? null : TemplateFormat.valueOf(format),
                rs.getString("process_instance_id"),
                rs.getString("activity_id"),
                rs.getString("task_id"),
                rs.getString("error"),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                rs.getInt("backoff_seconds"),
                rs.getString("resent_from"),
                instant(rs, "not_before"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "sent_at"));
    }
}
