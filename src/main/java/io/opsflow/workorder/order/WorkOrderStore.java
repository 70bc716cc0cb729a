package io.opsflow.workorder.order;

import io.opsflow.workorder.assignment.LoadCounters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work orders and their checklists in {@code app_wo_*}. Every change is guarded by the status it
 * expects, so an archived order is never changed and a lost race changes nothing.
 */
@Component
public class WorkOrderStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate numbering;
    private final LoadCounters load;

    WorkOrderStore(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager, LoadCounters load) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.load = load;
        this.numbering = new TransactionTemplate(transactionManager);
        this.numbering.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public WorkOrder create(NewWorkOrder order) {
        check(order);
        String id = UUID.randomUUID().toString();
        LocalDateTime now = now();
        jdbc.sql("insert into app_wo_work_order (id, number, title, template_code, location, skills, priority, due_at, status, "
                        + "created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, nextNumber(), order.title().trim(), order.templateCode(), order.location() == null ? null : order.location().trim(),
                        JsonLists.write(order.skills()), order.priority(), utc(order.dueAt()), WorkOrderStatus.NEW.name(),
                        order.createdBy(), now, now)
                .update();
        List<String> steps = order.checklist() == null ? List.of() : order.checklist();
        for (int i = 0; i < steps.size(); i++) {
            jdbc.sql("insert into app_wo_checklist_item (work_order_id, position, text, done) values (?, ?, ?, ?)")
                    .params(id, i + 1, steps.get(i), false)
                    .update();
        }
        return find(id).orElseThrow();
    }

    public Optional<WorkOrder> find(String id) {
        return jdbc.sql("select * from app_wo_work_order where id = ?").param(id).query(WorkOrderStore::row).optional();
    }

    /**
     * Reads the order and locks its row until the transaction ends, so decisions on one order happen
     * one after the other and the later one sees what the earlier one did.
     */
    public Optional<WorkOrder> lock(String id) {
        return jdbc.sql("select * from app_wo_work_order where id = ? for update").param(id).query(WorkOrderStore::row).optional();
    }

    /** Newest first; null filters match everything. */
    public List<WorkOrder> search(WorkOrderStatus status, String assignee, String templateCode, int limit) {
        StringBuilder sql = new StringBuilder("select * from app_wo_work_order where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (assignee != null) {
            sql.append(" and assignee = ?");
            params.add(assignee);
        }
        if (templateCode != null) {
            sql.append(" and template_code = ?");
            params.add(templateCode);
        }
        sql.append(" order by created_at desc, number desc fetch first ? rows only");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(WorkOrderStore::row).list();
    }

    public List<ChecklistItem> checklist(String id) {
        return jdbc.sql("select position, text, done, done_by, done_at from app_wo_checklist_item where work_order_id = ? order by position")
                .param(id)
                .query((rs, n) -> new ChecklistItem(rs.getInt("position"), rs.getString("text"), rs.getBoolean("done"),
                        rs.getString("done_by"), AssignmentAudit.instant(rs.getTimestamp("done_at"))))
                .list();
    }

    public void linkProcess(String id, String processInstanceId) {
        jdbc.sql("update app_wo_work_order set process_instance_id = ?, updated_at = ? where id = ?")
                .params(processInstanceId, now(), id)
                .update();
    }

    /** The scorer's result: an assignee (ASSIGNED) or none (WAITING_DISPATCH), with the explanation. */
    @Transactional
    public void recordAssignment(String id, String assignee, String explanation) {
        WorkOrderStatus status = assignee == null ? WorkOrderStatus.WAITING_DISPATCH : WorkOrderStatus.ASSIGNED;
        String before = openAssignee(id);
        if (jdbc.sql("update app_wo_work_order set assignee = ?, status = ?, explanation = ?, updated_at = ? where id = ? and status <> 'ARCHIVED'")
                .params(assignee, status.name(), explanation, now(), id)
                .update() == 1) {
            load.moveOpen(before, assignee);
        }
    }

    /** Gives a not yet archived order to someone else; returns false when it is archived (or unknown). */
    @Transactional
    public boolean reassign(String id, String assignee) {
        String before = openAssignee(id);
        boolean changed = jdbc.sql("update app_wo_work_order set assignee = ?, status = case when status = 'SUBMITTED' then status else 'ASSIGNED' end, "
                        + "updated_at = ? where id = ? and status <> 'ARCHIVED'")
                .params(assignee, now(), id)
                .update() == 1;
        if (changed) {
            load.moveOpen(before, assignee);
        }
        return changed;
    }

    /** The assignee of an open (ASSIGNED or SUBMITTED) order, locking its row; null otherwise. */
    private String openAssignee(String id) {
        return jdbc.sql("select assignee from app_wo_work_order where id = ? and status in ('ASSIGNED', 'SUBMITTED') for update")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    public boolean markSubmitted(String id, boolean checklistDone) {
        boolean changed = jdbc.sql("update app_wo_work_order set status = 'SUBMITTED', submitted_at = ?, updated_at = ? "
                        + "where id = ? and status = 'ASSIGNED'")
                .params(now(), now(), id)
                .update() == 1;
        if (changed && checklistDone) {
            jdbc.sql("update app_wo_checklist_item set done = ? where work_order_id = ?").params(true, id).update();
        }
        return changed;
    }

    /** A rejected submission goes back to the same assignee; returns the new rework count. */
    public int markRework(String id) {
        int rows = jdbc.sql("update app_wo_work_order set status = 'ASSIGNED', rework_count = rework_count + 1, updated_at = ? "
                        + "where id = ? and status = 'SUBMITTED'")
                .params(now(), id)
                .update();
        if (rows != 1) {
            throw new WorkOrderConflict("work order " + id + " is not waiting for acceptance");
        }
        jdbc.sql("update app_wo_checklist_item set done = ?, done_by = null, done_at = null where work_order_id = ?").params(false, id).update();
        return find(id).orElseThrow().reworkCount();
    }

    /** Accepted: read-only from now on. Only a submitted order can be archived, and only once. */
    @Transactional
    public void archive(String id) {
        int rows = jdbc.sql("update app_wo_work_order set status = 'ARCHIVED', archived_at = ?, updated_at = ? "
                        + "where id = ? and status = 'SUBMITTED'")
                .params(now(), now(), id)
                .update();
        if (rows != 1) {
            throw new WorkOrderConflict("work order " + id + " is not waiting for acceptance");
        }
        load.accepted(id);
    }

    /** Records that overdue level {@code level} was reached; true only the first time, so each level warns once. */
    public boolean escalate(String id, int level) {
        return jdbc.sql("update app_wo_work_order set escalation_level = ?, updated_at = ? "
                        + "where id = ? and escalation_level < ? and status = 'ASSIGNED'")
                .params(level, now(), id, level)
                .update() == 1;
    }

    /**
     * In a short transaction of its own, so the counter row is locked only for the increment and not
     * until the (possibly long) creating transaction commits: otherwise every concurrent creator, e.g.
     * thousands of recurring plans firing at once, queues behind it. A rolled-back creation leaves a gap.
     */
    private String nextNumber() {
        long value = numbering.execute(status -> {
            jdbc.sql("update app_wo_counter set next_value = next_value + 1 where name = 'work-order'").update();
            return jdbc.sql("select next_value - 1 from app_wo_counter where name = 'work-order'").query(Long.class).single();
        });
        return String.format("WO-%06d", value);
    }

    private static void check(NewWorkOrder o) {
        if (o.title() == null || o.title().isBlank() || o.title().length() > 200) {
            throw new InvalidWorkOrderInput("title is required (at most 200 characters)");
        }
        if (o.location() != null && o.location().length() > 200) {
            throw new InvalidWorkOrderInput("location has at most 200 characters");
        }
        if (o.skills() == null || o.skills().isEmpty()) {
            throw new InvalidWorkOrderInput("a work order needs at least one required skill");
        }
        if (o.priority() < 0 || o.priority() > 100) {
            throw new InvalidWorkOrderInput("priority must be between 0 and 100");
        }
        if (o.dueAt() == null) {
            throw new InvalidWorkOrderInput("dueAt is required (ISO-8601, e.g. 2026-12-01T18:00:00Z)");
        }
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static WorkOrder row(ResultSet rs, int n) throws SQLException {
        return new WorkOrder(rs.getString("id"), rs.getString("number"), rs.getString("title"), rs.getString("template_code"),
                rs.getString("location"), JsonLists.read(rs.getString("skills")), rs.getInt("priority"),
                AssignmentAudit.instant(rs.getTimestamp("due_at")), WorkOrderStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"), rs.getInt("rework_count"), rs.getInt("escalation_level"), rs.getString("explanation"),
                rs.getString("process_instance_id"), rs.getString("created_by"), AssignmentAudit.instant(rs.getTimestamp("created_at")),
                AssignmentAudit.instant(rs.getTimestamp("submitted_at")), AssignmentAudit.instant(rs.getTimestamp("archived_at")));
    }
}
