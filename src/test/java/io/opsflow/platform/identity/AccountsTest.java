package io.opsflow.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private static final Instant UNTIL = Instant.parse("2026-01-01T10:15:00Z");

    @Test
    void aLockHoldsUntilItsEndAndNotAfter() {
        var state = new Accounts.State(false, 0, Optional.of(UNTIL), Optional.empty());

        assertThat(state.isLockedAt(UNTIL.minusSeconds(1))).isTrue();
        assertThat(state.isLockedAt(UNTIL)).isFalse();
        assertThat(state.isLockedAt(UNTIL.plusSeconds(60))).isFalse();
    }

    @Test
    void anAccountWithoutLockIsNeverLocked() {
        assertThat(new Accounts.State(false, 4, Optional.empty(), Optional.empty()).isLockedAt(UNTIL)).isFalse();
    }
}
