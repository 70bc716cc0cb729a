package io.opsflow.platform.staff;

import io.opsflow.platform.identity.StaffCandidates;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills {@code app_staff.shift_map} for directory rows written before it existed (V37) or by other
 * means than the staff pages. Safe on several nodes at once: every node writes the same map.
 */
@Component
public class ShiftMaps implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShiftMaps.class);

    private final JdbcClient jdbc;
    private final StaffRecords records;
    private final StaffCandidates candidates;

    ShiftMaps(JdbcClient jdbc, StaffRecords records, StaffCandidates candidates) {
        this.jdbc = jdbc;
        this.records = records;
        this.candidates = candidates;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> missing = jdbc.sql("select user_id from app_staff where shift_map is null").query(String.class).list();
        missing.forEach(this::refresh);
        if (!missing.isEmpty()) {
            log.info("Filled the shift map of {} staff directory entries", missing.size());
        }
    }

    /** Writes the user's map from their stored periods. */
    public void refresh(String userId) {
        jdbc.sql("update app_staff set shift_map = ? where user_id = ?").params(records.hours(userId).hourMap(), userId).update();
        candidates.changed(userId);
    }
}
