package io.opsflow.platform.identity;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The active staff by skill in {@code app_staff_candidate} (V48, decision 80): a row per skill of
 * every user that {@link UserSkills#candidatesSql} selects, with the time zone and hour map of their
 * directory row. It is derived data. Code that changes one of its facts (skills, the {@code staff}
 * membership, the disabled flag, on duty, time zone, hours) calls {@link #changed}; the user's rows are
 * then rewritten just before that transaction commits, after every other write of it, under one lock
 * row, so a concurrent change of the same person is written after it from what it committed. A
 * rolled-back change rewrites nothing. At startup, before any job runs, the whole table is compared
 * with the sources and corrected, which fills it the first time and repairs it after changes made by other means (SQL
 * scripts, imports); rows that match are left alone.
 */
@Component
public class StaffCandidates implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StaffCandidates.class);
    private static final String COLUMNS = "insert into app_staff_candidate (skill, user_id, time_zone, shift_map) ";
    private static final String SOURCE = "select s.skill, s.user_id, st.time_zone, st.shift_map from app_user_skill s "
            + "left join app_staff st on st.user_id = s.user_id where (st.on_duty is null or st.on_duty = true) and " + UserSkills.STAFF_ACCOUNT;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    StaffCandidates(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    /**
     * A select of {@code user_id}, {@code time_zone} and {@code shift_map} (null without a directory
     * row) of the active staff having all of {@code skills} skills, as one index-only scan of the first
     * skill's rows and a key probe per further skill; its parameters are the distinct skills in order.
     */
    public static String withAllSql(int skills) {
        if (skills < 1) {
            throw new IllegalArgumentException("at least one skill is required");
        }
        StringBuilder more = new StringBuilder();
        for (int i = 1; i < skills; i++) {
            more.append(" and exists (select 1 from app_staff_candidate c").append(i).append(" where c").append(i)
                    .append(".skill = ? and c").append(i).append(".user_id = c.user_id)");
        }
        return "select c.user_id, c.time_zone, c.shift_map from app_staff_candidate c where c.skill = ?" + more;
    }

    /** Rewrites the user's rows when the current transaction commits, or now when none is active. */
    public void changed(String userId) {
        if (userId == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            ownTransaction.executeWithoutResult(tx -> rewrite(Set.of(userId)));
            return;
        }
        pending().users.add(userId);
    }

    /** Rebuilds every row when the current transaction commits (e.g. the {@code staff} group was deleted). */
    public void changedAll() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            rebuildAll();
            return;
        }
        pending().all = true;
    }

    /** Brings the whole table in line with the sources in one transaction; returns how many rows it deleted or inserted. */
    public int rebuildAll() {
        Integer rows = ownTransaction.execute(tx -> rewriteAll());
        return rows == null ? 0 : rows;
    }

    /**
     * Corrects the table once the engine (and so its IDM tables) exists and before its job executor
     * starts with the context's lifecycle, so no assignment job reads rows that are not corrected yet.
     */
    @Override
    public void afterSingletonsInstantiated() {
        int corrected = rebuildAll();
        if (corrected > 0) {
            log.info("Active staff by skill: {} rows written or removed to match the staff directory", corrected);
        }
    }

    private void rewrite(Set<String> userIds) {
        lock();
        for (String userId : userIds) {
            jdbc.sql("delete from app_staff_candidate where user_id = ?").param(userId).update();
            jdbc.sql(COLUMNS + SOURCE + " and s.user_id = ?").param(userId).update();
        }
    }

    /** Deletes the rows the sources no longer give and inserts the missing ones; unchanged rows stay as they are. */
    private int rewriteAll() {
        lock();
        int deleted = jdbc.sql("delete from app_staff_candidate where not exists (select 1 from (" + SOURCE + ") x "
                        + "where x.skill = app_staff_candidate.skill and x.user_id = app_staff_candidate.user_id "
                        + "and x.time_zone is not distinct from app_staff_candidate.time_zone "
                        + "and x.shift_map is not distinct from app_staff_candidate.shift_map)")
                .update();
        int inserted = jdbc.sql(COLUMNS + "select x.skill, x.user_id, x.time_zone, x.shift_map from (" + SOURCE + ") x "
                        + "where not exists (select 1 from app_staff_candidate c where c.skill = x.skill and c.user_id = x.user_id)")
                .update();
        return deleted + inserted;
    }

    private void lock() {
        jdbc.sql("select id from app_staff_candidate_lock where id = 1 for update").query(Integer.class).list();
    }

    /** This transaction's pending rewrite; kept among its synchronizations, which an inner new transaction does not see. */
    private Pending pending() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** The users changed in one transaction, rewritten once each just before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final Set<String> users = new TreeSet<>();
        private boolean all;

        @Override
        public void beforeCommit(boolean readOnly) {
            if (all) {
                rewriteAll();
            } else if (!users.isEmpty()) {
                rewrite(users);
            }
        }

        private StaffCandidates owner() {
            return StaffCandidates.this;
        }
    }
}
