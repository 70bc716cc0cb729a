package io.opsflow.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The lockout rules against the real database, with a clock the test moves. */
@OpsflowIntegrationTest
class AccountsIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    StaffCandidates candidates;

    private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final String user = TestUsers.uniqueId("acct");

    @Test
    void theFifthFailureInARowLocksForFifteenMinutes() {
        Accounts accounts = node();
        for (int i = 1; i < Accounts.MAX_FAILED_LOGINS; i++) {
            assertThat(accounts.recordFailedLogin(user).isLockedAt(clock.instant())).isFalse();
        }
        assertThat(accounts.state(user).failedLogins()).isEqualTo(Accounts.MAX_FAILED_LOGINS - 1);

        var locked = accounts.recordFailedLogin(user);

        assertThat(locked.lockedUntil()).contains(clock.instant().plus(Accounts.LOCK_DURATION));
        clock.move(Accounts.LOCK_DURATION.minusSeconds(1));
        assertThat(accounts.state(user).isLockedAt(clock.instant())).isTrue();
        clock.move(Duration.ofSeconds(1));
        assertThat(accounts.state(user).isLockedAt(clock.instant())).isFalse();
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgainAndIsRemembered() {
        Accounts accounts = node();
        accounts.recordFailedLogin(user);
        accounts.recordFailedLogin(user);

        accounts.recordSuccessfulLogin(user);

        var state = accounts.state(user);
        assertThat(state.failedLogins()).isZero();
        assertThat(state.lastLoginAt()).contains(clock.instant());
    }

    @Test
    void failuresOnTwoNodesAtOnceAreAllCounted() throws Exception {
        List<Accounts> nodes = List.of(node(), node());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Accounts.State>> attempts = new ArrayList<>();
            for (int i = 0; i < 4 * Accounts.MAX_FAILED_LOGINS; i++) {
                Accounts onNode = nodes.get(i % 2);
                attempts.add(() -> onNode.recordFailedLogin(user));
            }
            for (Future<Accounts.State> attempt : pool.invokeAll(attempts)) {
                attempt.get();
            }
        } finally {
            pool.shutdown();
        }

        // 20 failures lock four times over; a lost update would leave a remainder.
        var state = nodes.get(0).state(user);
        assertThat(state.isLockedAt(clock.instant())).isTrue();
        assertThat(state.failedLogins()).isZero();
    }

    @Test
    void unlockAndDisableChangeOnlyTheirOwnFlag() {
        Accounts accounts = node();
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            accounts.recordFailedLogin(user);
        }

        accounts.setDisabled(user, true);
        accounts.unlock(user);

        var state = accounts.state(user);
        assertThat(state.isLockedAt(clock.instant())).isFalse();
        assertThat(state.disabled()).isTrue();
        accounts.setDisabled(user, false);
        assertThat(accounts.state(user).disabled()).isFalse();
    }

    /** Accounts as one node of a cluster sees them: its own instance, the shared database. */
    private Accounts node() {
        return new Accounts(jdbc, clock, transactionManager, candidates);
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
