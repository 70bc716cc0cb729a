package io.opsflow.approval.cc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CC records of approvals ({@code app_approval_cc}): CC nodes and the run-time CC operation write
 * them, the CC inbox reads them. Each write publishes {@link ApprovalCcRecorded}.
 */
@Service
public class CcRecords {

    public static final String CC_NODE = "system:cc-node";
    private static final String COLUMNS = "id, process_instance_id, node_id, user_id, cc_by, note, created_at, read_at";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    CcRecords(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records a CC of the instance to each user once per call; returns the new records. */
    @Transactional
    public List<CcRecord> record(String processInstanceId, String nodeId, List<String> userIds, String ccBy, String note,
            Instant at) {
        List<CcRecord> written = new ArrayList<>();
        for (String user : new LinkedHashSet<>(userIds)) {
            CcRecord record = new CcRecord(UUID.randomUUID().toString(), processInstanceId, nodeId, user, ccBy, note, at, null);
            jdbc.update("insert into app_approval_cc (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, null)", record.id(),
                    processInstanceId, nodeId, user, ccBy, note, Timestamp.from(at));
            written.add(record);
        }
        if (!written.isEmpty()) {
            events.publishEvent(new ApprovalCcRecorded(processInstanceId, nodeId,
                    written.stream().map(CcRecord::userId).toList(), ccBy, note));
        }
        return written;
    }

    /** The user's CC inbox, newest first. */
    public List<CcRecord> forUser(String userId, int page, int size) {
        int limit = Math.max(1, Math.min(size, 100));
        return jdbc.query("select " + COLUMNS + " from app_approval_cc where user_id = ? order by created_at desc, id"
                + " offset ? rows fetch next ? rows only", CcRecords::map, userId, Math.max(0, page) * limit, limit);
    }

    public List<CcRecord> forInstance(String processInstanceId) {
        return jdbc.query("select " + COLUMNS + " from app_approval_cc where process_instance_id = ? order by created_at, id",
                CcRecords::map, processInstanceId);
    }

    public int unreadCount(String userId) {
        Integer count = jdbc.queryForObject("select count(*) from app_approval_cc where user_id = ? and read_at is null",
                Integer.class, userId);
        return count == null ? 0 : count;
    }

    /** Marks the user's own CC record read; false when it is not theirs or does not exist. */
    @Transactional
    public boolean markRead(String id, String userId, Instant at) {
        return jdbc.update("update app_approval_cc set read_at = ? where id = ? and user_id = ? and read_at is null",
                Timestamp.from(at), id, userId) > 0;
    }

    private static CcRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new CcRecord(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("node_id"),
                rs.getString("user_id"), rs.getString("cc_by"), rs.getString("note"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
