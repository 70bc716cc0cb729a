package io.opsflow.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.junit.jupiter.api.Test;

class DatabaseConflictDetectorTest {

    @Test
    void aDeadlockOrSerializationFailureDeepInTheCauseChainIsALostRace() {
        var deadlock = new PersistenceException("Error updating database", new SQLException("deadlock detected", "40P01"));
        var serialization = new FlowableException("wrapped", new SQLException("could not serialize access", "40001"));

        assertThat(DatabaseConflictDetector.isDatabaseConflict(deadlock)).isTrue();
        assertThat(DatabaseConflictDetector.isDatabaseConflict(serialization)).isTrue();
    }

    @Test
    void otherDatabaseErrorsStayServerErrors() {
        var lostConnection = new PersistenceException("Error querying database", new SQLException("connection refused", "08001"));

        assertThat(DatabaseConflictDetector.isDatabaseConflict(lostConnection)).isFalse();
        assertThat(DatabaseConflictDetector.isDatabaseConflict(new IllegalStateException("boom"))).isFalse();
    }
}
