package io.opsflow.workorder.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The doing of the work in {@code app_wo_*}: start, single checklist ticks with who and when, notes,
 * and the photos (bytes in the database, outside any web root). Callers check who may do what.
 */
@Component
public class WorkStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public WorkProgress progress(String workOrderId) {
        return jdbc.sql("select started_at, started_by, work_notes from app_wo_work_order where id = ?")
                .param(workOrderId)
                .query((rs, n) -> new WorkProgress(instant(rs.getTimestamp("started_at")), rs.getString("started_by"), rs.getString("work_notes")))
                .optional()
                .orElse(new WorkProgress(null, null, null));
    }

    /** True when this call started it; an order already started keeps its first start. */
    public boolean start(String workOrderId, String by) {
        return jdbc.sql("update app_wo_work_order set started_at = ?, started_by = ?, updated_at = ? where id = ? and started_at is null")
                .params(now(), by, now(), workOrderId)
                .update() == 1;
    }

    /** Ticks or unticks one step; false when the order has no step at that position. */
    public boolean tick(String workOrderId, int position, boolean done, String by) {
        return jdbc.sql("update app_wo_checklist_item set done = ?, done_by = ?, done_at = ? where work_order_id = ? and position = ?")
                .params(done, done ? by : null, done ? now() : null, workOrderId, position)
                .update() == 1;
    }

    public void saveNotes(String workOrderId, String notes) {
        jdbc.sql("update app_wo_work_order set work_notes = ?, updated_at = ? where id = ?").params(notes, now(), workOrderId).update();
    }

    public Photo addPhoto(String workOrderId, int round, String fileName, String contentType, byte[] content, PhotoLocation location,
            String by) {
        String id = UUID.randomUUID().toString();
        LocalDateTime now = now();
        jdbc.sql("insert into app_wo_photo (id, work_order_id, rework_round, file_name, content_type, size_bytes, content, latitude, longitude, "
                        + "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, workOrderId, round, fileName, contentType, (long) content.length, content,
                        location == null ? null : location.latitude(), location == null ? null : location.longitude(), by, now)
                .update();
        return photo(workOrderId, id).orElseThrow();
    }

    /** Oldest first, every round. */
    public List<Photo> photos(String workOrderId) {
        return jdbc.sql("select " + COLUMNS + " from app_wo_photo where work_order_id = ? order by rework_round, uploaded_at, id")
                .param(workOrderId)
                .query(WorkStore::photoRow)
                .list();
    }

    public int photoCount(String workOrderId, int round) {
        return jdbc.sql("select count(*) from app_wo_photo where work_order_id = ? and rework_round = ?")
                .params(workOrderId, round)
                .query(Integer.class)
                .single();
    }

    public Optional<Photo> photo(String workOrderId, String photoId) {
        return jdbc.sql("select " + COLUMNS + " from app_wo_photo where work_order_id = ? and id = ?")
                .params(workOrderId, photoId)
                .query(WorkStore::photoRow)
                .optional();
    }

    public Optional<byte[]> content(String workOrderId, String photoId) {
        return jdbc.sql("select content from app_wo_photo where work_order_id = ? and id = ?")
                .params(workOrderId, photoId)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }

    private static final String COLUMNS =
            "id, work_order_id, rework_round, file_name, content_type, size_bytes, latitude, longitude, uploaded_by, uploaded_at";

    private static Photo photoRow(ResultSet rs, int n) throws SQLException {
        double latitude = rs.getDouble("latitude");
        Double lat = rs.wasNull() ? null : latitude;
        double longitude = rs.getDouble("longitude");
        Double lon = rs.wasNull() ? null : longitude;
        return new Photo(rs.getString("id"), rs.getString("work_order_id"), rs.getInt("rework_round"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), lat, lon, rs.getString("uploaded_by"),
                instant(rs.getTimestamp("uploaded_at")));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
