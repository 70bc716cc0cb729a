package io.opsflow.messaging.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each user's in-app messages in {@code app_msg_inbox}; one row per delivered message. */
@Component
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs inside the delivery transaction; the unique log id makes a second insert impossible. */
    public void add(String userId, String logId, String subject, String body) {
        jdbc.sql("insert into app_msg_inbox (id, user_id, log_id, subject, body, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), userId, logId, subject, body, now())
                .update();
    }

    public List<InboxMessage> of(String userId, boolean unreadOnly, int limit) {
        return jdbc.sql("select * from app_msg_inbox where user_id = ?" + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id desc limit ?")
                .params(userId, limit)
                .query(Inbox::row)
                .list();
    }

    public Optional<InboxMessage> byLogId(String logId) {
        return jdbc.sql("select * from app_msg_inbox where log_id = ?").param(logId).query(Inbox::row).optional();
    }

    public long unreadCount(String userId) {
        return jdbc.sql("select count(*) from app_msg_inbox where user_id = ? and read_at is null")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** Marks one of the user's own messages read; false when it is not theirs or does not exist. */
    public boolean markRead(String userId, String id) {
        return jdbc.sql("update app_msg_inbox set read_at = ? where id = ? and user_id = ? and read_at is null")
                        .params(now(), id, userId)
                        .update()
                > 0
                || jdbc.sql("select count(*) from app_msg_inbox where id = ? and user_id = ?").params(id, userId).query(Long.class).single() > 0;
    }

    public int markAllRead(String userId) {
        return jdbc.sql("update app_msg_inbox set read_at = ? where user_id = ? and read_at is null").params(now(), userId).update();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static InboxMessage row(ResultSet rs, int n) throws SQLException {
        var read = rs.getObject("read_at", LocalDateTime.class);
        return new InboxMessage(
                rs.getString("id"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                read != null);
    }
}
