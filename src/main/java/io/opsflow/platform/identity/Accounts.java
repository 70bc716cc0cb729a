package io.opsflow.platform.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login state of each user (disabled flag, failed-login count, lock expiry) in {@code app_account}.
 * Counted in the database so every node of a cluster sees the same count and the same lock.
 */
@Component
public class Accounts {

    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final StaffCandidates candidates;

    Accounts(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager, StaffCandidates candidates) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record State(boolean disabled, int failedLogins, Optional<Instant> lockedUntil, Optional<Instant> lastLoginAt) {

        public boolean isLockedAt(Instant now) {
            return lockedUntil.map(now::isBefore).orElse(false);
        }
    }

    public State state(String userId) {
        return jdbc.sql("select disabled, failed_logins, locked_until, last_login_at from app_account where user_id = ?")
                .param(userId)
                .query((rs, row) -> new State(
                        rs.getBoolean(1),
                        rs.getInt(2),
                        instant(rs.getObject(3, LocalDateTime.class)),
                        instant(rs.getObject(4, LocalDateTime.class))))
                .optional()
                .orElse(new State(false, 0, Optional.empty(), Optional.empty()));
    }

    /**
     * Counts a failed login; the fifth in a row locks the account. One statement reads and writes the
     * count, so failures arriving at the same moment on several nodes are all counted.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public State recordFailedLogin(String userId) {
        ensureRow(userId);
        jdbc.sql("update app_account set"
                        + " locked_until = case when failed_logins + 1 >= ? then ? else locked_until end,"
                        + " failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,"
                        + " updated_at = ? where user_id = ?")
                .param(MAX_FAILED_LOGINS)
                .param(utc(clock.instant().plus(LOCK_DURATION)))
                .param(MAX_FAILED_LOGINS)
                .param(now())
                .param(userId)
                .update();
        return state(userId);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccessfulLogin(String userId) {
        ensureRow(userId);
        jdbc.sql("update app_account set failed_logins = 0, locked_until = null, last_login_at = ?, updated_at = ? where user_id = ?")
                .param(now())
                .param(now())
                .param(userId)
                .update();
    }

    @Transactional
    public void setDisabled(String userId, boolean disabled) {
        ensureRow(userId);
        jdbc.sql("update app_account set disabled = ?, updated_at = ? where user_id = ?")
                .param(disabled)
                .param(now())
                .param(userId)
                .update();
        candidates.changed(userId);
    }

    @Transactional
    public void unlock(String userId) {
        ensureRow(userId);
        jdbc.sql("update app_account set failed_logins = 0, locked_until = null, updated_at = ? where user_id = ?")
                .param(now())
                .param(userId)
                .update();
    }

    @Transactional
    public void delete(String userId) {
        jdbc.sql("delete from app_account where user_id = ?").param(userId).update();
        candidates.changed(userId);
    }

    /** Creates the user's row in a transaction of its own, so a lost insert race cannot spoil the caller's. */
    private void ensureRow(String userId) {
        boolean exists = jdbc.sql("select count(*) from app_account where user_id = ?")
                        .param(userId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (exists) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(tx -> jdbc.sql("insert into app_account (user_id, updated_at) values (?, ?)")
                    .param(userId)
                    .param(now())
                    .update());
        } catch (DuplicateKeyException raceWithAnotherNode) {
            // Another node or request created it first; the row is there, which is all we need.
        }
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static Optional<Instant> instant(LocalDateTime utc) {
        return Optional.ofNullable(utc).map(t -> t.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
