package io.opsflow.tasklist.form;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code app_form_version}: every version of every form. The primary key (form key, version)
 * decides a race: of two saves (or two nodes seeding) based on the same version, one insert wins and
 * the other is told it is stale.
 */
@Component
public class FormStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    FormStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<FormVersion> latest(String key) {
        return jdbc.sql("select * from app_form_version where form_key = ? order by version desc fetch first 1 rows only")
                .param(key).query(FormStore::row).optional();
    }

    public Optional<FormVersion> version(String key, int version) {
        return jdbc.sql("select * from app_form_version where form_key = ? and version = ?")
                .params(key, version).query(FormStore::row).optional();
    }

    /** Every version of a form, newest first, with its JSON. */
    public List<FormVersion> versions(String key) {
        return jdbc.sql("select * from app_form_version where form_key = ? order by version desc")
                .param(key).query(FormStore::row).list();
    }

    /** The latest version of every form, by key. */
    public List<FormVersion> latestOfEach() {
        return jdbc.sql("select v.* from app_form_version v where v.version = "
                        + "(select max(w.version) from app_form_version w where w.form_key = v.form_key) order by v.form_key")
                .query(FormStore::row).list();
    }

    public List<String> keys() {
        return jdbc.sql("select distinct form_key from app_form_version order by form_key").query(String.class).list();
    }

    public int latestNumber(String key) {
        Integer max = jdbc.sql("select coalesce(max(version), 0) from app_form_version where form_key = ?").param(key).query(Integer.class).single();
        return max == null ? 0 : max;
    }

    /** Stores {@code json} as the version after {@code baseVersion} (0 for a new form), or says who was first. */
    public FormVersion saveAfter(String key, int baseVersion, String json, String comment, String user) {
        int current = latestNumber(key);
        if (current != baseVersion) {
            throw new StaleFormException(baseVersion, current);
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            jdbc.sql("insert into app_form_version (form_key, version, json, comment, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(key, baseVersion + 1, json, comment, user, now)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new StaleFormException(baseVersion, latestNumber(key));
        }
        return version(key, baseVersion + 1).orElseThrow();
    }

    private static FormVersion row(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("created_at");
        return new FormVersion(rs.getString("form_key"), rs.getInt("version"), rs.getString("json"), rs.getString("comment"),
                rs.getString("created_by"), at == null ? null : at.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
}
