package io.opsflow.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    @Test
    void anExhaustedPoolAtTransactionStartIsUnavailable() {
        var hikari = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms.");

        assertThat(DatabaseUnavailable.causedIt(new CannotCreateTransactionException("Could not open JDBC Connection", hikari))).isTrue();
    }

    @Test
    void flowableAndServletWrappingIsSeenThrough() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        var wrapped = new ServletException("Request processing failed",
                new FlowableException("Could not open connection", new PersistenceException("Error querying database", refused)));

        assertThat(DatabaseUnavailable.causedIt(wrapped)).isTrue();
    }

    @Test
    void springsOwnConnectionFailuresAreUnavailable() {
        assertThat(DatabaseUnavailable.causedIt(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new SQLNonTransientConnectionException("closed"))).isTrue();
    }

    @Test
    void aConnectionTerminatedByTheServerIsUnavailable() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");

        assertThat(DatabaseUnavailable.causedIt(new FlowableException("x", terminated))).isTrue();
    }

    /** Row 15: the connection died in the transaction, so Spring's rollback on the pool's evicted proxy fails too. */
    @Test
    void aRollbackOnAConnectionThePoolHasEvictedIsUnavailable() throws Exception {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:rollback-" + System.nanoTime());
        config.setMaximumPoolSize(1);
        SQLException closed;
        try (var pool = new HikariDataSource(config)) {
            var connection = pool.getConnection();
            connection.setAutoCommit(false);
            connection.close();
            try {
                connection.rollback();
                throw new AssertionError("rollback on a closed proxy succeeded");
            } catch (SQLException e) {
                closed = e;
            }
        }

        assertThat(DatabaseUnavailable.causedIt(new TransactionSystemException("JDBC rollback failed", closed))).isTrue();
    }

    @Test
    void theFailureBehindAFailedRollbackCounts() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("rollback failed"));
        rollback.initApplicationException(new FlowableException("x", new SQLException("terminating connection", "57P01")));

        assertThat(DatabaseUnavailable.causedIt(rollback)).isTrue();
    }

    @Test
    void aCommitRefusedForOtherReasonsIsNot() {
        var commit = new TransactionSystemException("JDBC commit failed", new SQLException("could not serialize access", "40001"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("rollback failed"));
        rollback.initApplicationException(new IllegalStateException("a bug"));

        assertThat(DatabaseUnavailable.causedIt(commit)).isFalse();
        assertThat(DatabaseUnavailable.causedIt(rollback)).isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        var duplicate = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(DatabaseUnavailable.causedIt(new DataIntegrityViolationException("dup", duplicate))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new FlowableException("syntax", new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new IllegalStateException("no database involved"))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new CannotCreateTransactionException("nested transactions not supported"))).isFalse();
    }

    @Test
    void theLogGetsTheInnermostMessage() {
        var e = new FlowableException("outer", new RuntimeException("middle", new SQLTransientConnectionException("pool timed out")));

        assertThat(DatabaseUnavailable.rootMessage(e)).isEqualTo("pool timed out");
    }
}
