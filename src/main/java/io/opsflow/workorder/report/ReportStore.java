package io.opsflow.workorder.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Archived reports in {@code app_wo_report}; every generation is a new version of its month. */
@Component
class ReportStore {

    private static final String COLUMNS = "id, report_month, version, trigger_kind, summary_source, zone, generated_at, generated_by, sha256, size_bytes";

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredReport> byKey(String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from app_wo_report where idempotency_key = ?").param(idempotencyKey)
                .query(ReportStore::row).optional();
    }

    Optional<StoredReport> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from app_wo_report where id = ?").param(id).query(ReportStore::row).optional();
    }

    Optional<byte[]> pdf(String id) {
        return jdbc.sql("select pdf from app_wo_report where id = ?").param(id).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /** Newest first. */
    List<StoredReport> list(String month, int limit) {
        if (month != null) {
            return jdbc.sql("select " + COLUMNS + " from app_wo_report where report_month = ? order by generated_at desc, version desc")
                    .param(month).query(ReportStore::row).list();
        }
        return jdbc.sql("select " + COLUMNS + " from app_wo_report order by generated_at desc, report_month desc, version desc fetch first ? rows only")
                .param(limit).query(ReportStore::row).list();
    }

    int nextVersion(String month) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from app_wo_report where report_month = ?").param(month)
                .query(Integer.class).single();
    }

    /** Inserts; a duplicate key or version surfaces as Spring's {@code DuplicateKeyException}. */
    StoredReport insert(String month, int version, String idempotencyKey, ReportTrigger trigger, String summarySource, String zone,
            Instant generatedAt, String generatedBy, String sha256, byte[] pdf) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into app_wo_report (id, report_month, version, idempotency_key, trigger_kind, summary_source, zone, generated_at, "
                        + "generated_by, sha256, size_bytes, pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, month, version, idempotencyKey, trigger.name(), summarySource, zone,
                        LocalDateTime.ofInstant(generatedAt, ZoneOffset.UTC), generatedBy, sha256, (long) pdf.length, pdf)
                .update();
        return find(id).orElseThrow();
    }

    private static StoredReport row(ResultSet rs, int i) throws SQLException {
        return new StoredReport(rs.getString("id"), rs.getString("report_month"), rs.getInt("version"),
                ReportTrigger.valueOf(rs.getString("trigger_kind")), rs.getString("summary_source"), rs.getString("zone"),
                rs.getTimestamp("generated_at").toLocalDateTime().toInstant(ZoneOffset.UTC), rs.getString("generated_by"),
                rs.getString("sha256"), rs.getLong("size_bytes"));
    }
}
