package io.opsflow.approval.run;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At most one urge per task per {@code opsflow.approval.urge-interval} (default 30 minutes), kept in
 * {@code app_apv_urge}. The conditional UPDATE (and the primary key on the first urge) make two urges
 * at the same moment count once.
 */
@Component
class UrgeLimit {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;

    UrgeLimit(JdbcTemplate jdbc, Clock clock, @Value("${opsflow.approval.urge-interval:PT30M}") Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
    }

    void take(String taskId) {
        Instant now = clock.instant();
        List<Timestamp> last = jdbc.queryForList("select urged_at from app_apv_urge where task_id = ?", Timestamp.class, taskId);
        if (last.isEmpty()) {
            try {
                jdbc.update("insert into app_apv_urge (task_id, urged_at) values (?, ?)", taskId, Timestamp.from(now));
                return;
            } catch (DuplicateKeyException raced) {
                throw new UrgedTooSoon(interval);
            }
        }
        Instant next = last.get(0).toInstant().plus(interval);
        if (now.isBefore(next)) {
            throw new UrgedTooSoon(Duration.between(now, next));
        }
        int updated = jdbc.update("update app_apv_urge set urged_at = ? where task_id = ? and urged_at = ?", Timestamp.from(now), taskId,
                last.get(0));
        if (updated == 0) {
            throw new UrgedTooSoon(interval);
        }
    }
}
