package io.opsflow.platform.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached right now (no connection from the pool,
 * connection refused or cut, server shutting down) rather than a bug: somewhere in its cause chain,
 * however Spring, Flowable or MyBatis wrapped it. Such failures are answered with 503.
 */
final class DatabaseUnavailable {

    static final String MESSAGE = "The database is not reachable right now; try again shortly.";
    static final String RETRY_AFTER_SECONDS = "5";

    /** PostgreSQL: terminated by an administrator, crash shutdown, cannot connect now (starting or stopping). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    /**
     * What HikariCP's proxy throws, without an SQLSTATE, once the pool has evicted its connection as
     * broken (after a connection error); Spring's rollback on such a proxy fails with it.
     */
    private static final String POOL_EVICTED_CONNECTION = "Connection is closed";

    private DatabaseUnavailable() {}

    static boolean causedIt(Throwable failure) {
        return causedIt(failure, 0);
    }

    private static boolean causedIt(Throwable failure, int nesting) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (isUnavailable(t)) {
                return true;
            }
            // "JDBC rollback failed": the failure that made Spring roll back is kept aside, not as the cause.
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null && nesting < 3
                    && causedIt(tx.getApplicationException(), nesting + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, for the log line (never for a response body). */
    static String rootMessage(Throwable failure) {
        String message = failure.getMessage();
        int depth = 0;
        for (Throwable t = failure.getCause(); t != null && t != t.getCause() && depth < 50; t = t.getCause(), depth++) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof CannotGetJdbcConnectionException
                || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessResourceException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() == null) {
            return POOL_EVICTED_CONNECTION.equals(sql.getMessage());
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            // SQLSTATE class 08 is "connection exception" in the SQL standard; drivers use it for refused and cut connections.
            return sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState());
        }
        return false;
    }
}
