package io.opsflow.workorder.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.workorder.support.PostgresCheck;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plans, the cycles they reached, the orders they generated and their audit in {@code app_wo_plan*}.
 * Edits and status changes name the version they read; a stale one changes nothing. The sweep claims
 * due plans with row locks; on PostgreSQL it skips rows another sweep holds ({@code skip locked}), on H2
 * it waits for them.
 */
@Component
class PlanStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String DUE = "status = 'ACTIVE' and next_due_at <= ? and (fire_retry_at is null or fire_retry_at <= ?)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String lockDue;

    PlanStore(JdbcClient jdbc, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lockDue = PostgresCheck.isPostgres(dataSource) ? " for update skip locked" : " for update";
    }

    String insert(RecurringPlan p, String by) {
        String id = UUID.randomUUID().toString();
        LocalDateTime now = utc(clock.instant());
        jdbc.sql("insert into app_wo_plan (id, title, template_code, skills, checklist, locations, cycle_kind, cycle_days, cron, "
                        + "time_of_day, start_date, end_date, zone, due_after, priority, status, version, created_by, created_at, "
                        + "updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, p.title(), p.templateCode(), write(p.skills()), write(p.checklist()), write(p.locations()),
                        p.cron() == null ? "DAYS" : "CRON", p.cycleDays(), p.cron(), p.timeOfDay().toString(), Date.valueOf(p.startDate()),
                        p.endDate() == null ? null : Date.valueOf(p.endDate()), p.zone().getId(), p.dueAfter().toString(), p.priority(),
                        PlanStatus.ACTIVE.name(), 1, by, now, by, now)
                .update();
        return id;
    }

    Optional<RecurringPlan> find(String id) {
        return jdbc.sql("select * from app_wo_plan where id = ?").param(id).query(PlanStore::row).optional();
    }

    Optional<RecurringPlan> lock(String id) {
        return jdbc.sql("select * from app_wo_plan where id = ? for update").param(id).query(PlanStore::row).optional();
    }

    /** By title; null status matches all. */
    List<RecurringPlan> list(PlanStatus status, int limit) {
        if (status == null) {
            return jdbc.sql("select * from app_wo_plan order by title, id fetch first ? rows only").param(limit).query(PlanStore::row).list();
        }
        return jdbc.sql("select * from app_wo_plan where status = ? order by title, id fetch first ? rows only")
                .params(status.name(), limit).query(PlanStore::row).list();
    }

    /** Replaces the plan's definition if it still has {@code version}; true when it did. */
    boolean update(String id, int version, RecurringPlan p, String by) {
        return jdbc.sql("update app_wo_plan set title = ?, template_code = ?, skills = ?, checklist = ?, locations = ?, cycle_kind = ?, "
                        + "cycle_days = ?, cron = ?, time_of_day = ?, start_date = ?, end_date = ?, zone = ?, due_after = ?, priority = ?, "
                        + "version = version + 1, updated_by = ?, updated_at = ? where id = ? and version = ? and status <> 'ENDED'")
                .params(p.title(), p.templateCode(), write(p.skills()), write(p.checklist()), write(p.locations()),
                        p.cron() == null ? "DAYS" : "CRON", p.cycleDays(), p.cron(), p.timeOfDay().toString(), Date.valueOf(p.startDate()),
                        p.endDate() == null ? null : Date.valueOf(p.endDate()), p.zone().getId(), p.dueAfter().toString(), p.priority(),
                        by, utc(clock.instant()), id, version)
                .update() == 1;
    }

    /** Moves the plan from one status to another if it still has {@code version} (null: any version). */
    boolean changeStatus(String id, Integer version, PlanStatus from, PlanStatus to, String by) {
        String sql = "update app_wo_plan set status = ?, version = version + 1, updated_by = ?, updated_at = ? where id = ? and status = ?";
        if (version == null) {
            return jdbc.sql(sql).params(to.name(), by, utc(clock.instant()), id, from.name()).update() == 1;
        }
        return jdbc.sql(sql + " and version = ?").params(to.name(), by, utc(clock.instant()), id, from.name(), version).update() == 1;
    }

    /** The next firing (null: none), which also clears a recorded firing failure. */
    void setNextDue(String id, Instant nextDueAt) {
        jdbc.sql("update app_wo_plan set next_due_at = ?, fire_error = null, fire_retry_at = null where id = ?")
                .params(nextDueAt == null ? null : utc(nextDueAt), id).update();
    }

    /** Whether a claim skips rows another transaction holds (PostgreSQL) instead of waiting for them (H2). */
    boolean claimSkipsLocked() {
        return lockDue.contains("skip locked");
    }

    /** Up to {@code limit} due plans, oldest due first, locked until the caller's transaction ends. */
    List<RecurringPlan> claimDue(Instant now, int limit) {
        return jdbc.sql("select * from app_wo_plan where " + DUE + " order by next_due_at, id fetch first ? rows only" + lockDue)
                .params(utc(now), utc(now), limit).query(PlanStore::row).list();
    }

    /** The plan, locked, if it is still due (another sweep may have fired it meanwhile). */
    Optional<RecurringPlan> lockIfDue(String id, Instant now) {
        return jdbc.sql("select * from app_wo_plan where id = ? and " + DUE + lockDue).params(id, utc(now), utc(now))
                .query(PlanStore::row).optional();
    }

    /** The firing failed on its own: the plan stays due, the sweep leaves it alone until {@code retryAt}. */
    void recordFireFailure(String id, String error, Instant retryAt) {
        jdbc.sql("update app_wo_plan set fire_error = ?, fire_retry_at = ? where id = ?")
                .params(error.length() <= 500 ? error : error.substring(0, 500), utc(retryAt), id).update();
    }

    /** The newest cycle the plan reached (generated or skipped), if any. */
    Optional<Instant> lastCycle(String planId) {
        return jdbc.sql("select cycle_at from app_wo_plan_cycle where plan_id = ? order by cycle_at desc fetch first 1 rows only")
                .param(planId).query((rs, n) -> instant(rs.getTimestamp(1))).optional();
    }

    /** Active plans without a next due time (e.g. from before the sweep, when their process set it). */
    List<String> activeWithoutNextDue() {
        return jdbc.sql("select id from app_wo_plan where status = 'ACTIVE' and next_due_at is null").query(String.class).list();
    }

    /** Forgets the per-plan process instances of decision 20 (replaced by the sweep, decision 76). */
    int unlinkProcesses() {
        return jdbc.sql("update app_wo_plan set process_instance_id = null where process_instance_id is not null").update();
    }

    boolean hasCycle(String planId, Instant cycleAt) {
        return jdbc.sql("select count(*) from app_wo_plan_cycle where plan_id = ? and cycle_at = ?")
                .params(planId, utc(cycleAt)).query(Integer.class).single() > 0;
    }

    void recordCycle(String planId, Instant cycleAt, String outcome, Instant recordedAt) {
        jdbc.sql("insert into app_wo_plan_cycle (plan_id, cycle_at, outcome, recorded_at) values (?, ?, ?, ?)")
                .params(planId, utc(cycleAt), outcome, utc(recordedAt)).update();
    }

    List<PlanCycle> cycles(String planId, int limit) {
        return jdbc.sql("select * from app_wo_plan_cycle where plan_id = ? order by cycle_at desc fetch first ? rows only")
                .params(planId, limit)
                .query((rs, n) -> new PlanCycle(instant(rs.getTimestamp("cycle_at")), rs.getString("outcome"),
                        instant(rs.getTimestamp("recorded_at"))))
                .list();
    }

    boolean hasOrder(String planId, Instant cycleAt, String location) {
        return jdbc.sql("select count(*) from app_wo_plan_order where plan_id = ? and cycle_at = ? and location = ?")
                .params(planId, utc(cycleAt), location).query(Integer.class).single() > 0;
    }

    /** Fails with a duplicate key when this cycle's order for the location exists already (another node or try). */
    void linkOrder(String planId, Instant cycleAt, String location, String workOrderId) {
        jdbc.sql("insert into app_wo_plan_order (plan_id, cycle_at, location, work_order_id) values (?, ?, ?, ?)")
                .params(planId, utc(cycleAt), location, workOrderId).update();
    }

    List<PlanOrder> orders(String planId, int limit) {
        return jdbc.sql("select p.cycle_at, p.location, p.work_order_id, o.number, o.status, o.assignee, o.due_at "
                        + "from app_wo_plan_order p join app_wo_work_order o on o.id = p.work_order_id "
                        + "where p.plan_id = ? order by p.cycle_at desc, p.location fetch first ? rows only")
                .params(planId, limit)
                .query((rs, n) -> new PlanOrder(instant(rs.getTimestamp("cycle_at")), rs.getString("location"),
                        rs.getString("work_order_id"), rs.getString("number"), rs.getString("status"), rs.getString("assignee"),
                        instant(rs.getTimestamp("due_at"))))
                .list();
    }

    void audit(String planId, String action, String by, String detail) {
        jdbc.sql("insert into app_wo_plan_audit (id, plan_id, action, changed_by, changed_at, detail) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), planId, action, by, utc(clock.instant()),
                        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000))
                .update();
    }

    List<PlanAuditEntry> auditOf(String planId) {
        return jdbc.sql("select * from app_wo_plan_audit where plan_id = ? order by changed_at, id")
                .param(planId)
                .query((rs, n) -> new PlanAuditEntry(rs.getString("action"), rs.getString("changed_by"),
                        instant(rs.getTimestamp("changed_at")), rs.getString("detail")))
                .list();
    }

    private static RecurringPlan row(ResultSet rs, int n) throws SQLException {
        Date end = rs.getDate("end_date");
        int days = rs.getInt("cycle_days");
        Integer cycleDays = rs.wasNull() ? null : days;
        return new RecurringPlan(rs.getString("id"), rs.getString("title"), rs.getString("template_code"), read(rs.getString("skills")),
                read(rs.getString("checklist")), read(rs.getString("locations")), cycleDays, rs.getString("cron"),
                LocalTime.parse(rs.getString("time_of_day")), rs.getDate("start_date").toLocalDate(), end == null ? null : end.toLocalDate(),
                ZoneId.of(rs.getString("zone")), Duration.parse(rs.getString("due_after")), rs.getInt("priority"),
                PlanStatus.valueOf(rs.getString("status")), rs.getInt("version"), instant(rs.getTimestamp("next_due_at")),
                rs.getString("fire_error"), instant(rs.getTimestamp("fire_retry_at")), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static String write(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(String json) {
        try {
            return json == null ? List.of() : List.copyOf(JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not a JSON array of strings", e);
        }
    }
}
