package io.opsflow.engine.rest;

import io.opsflow.platform.ConcurrentChangeDetector;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Two nodes completing the same task at once can make PostgreSQL abort one transaction as a deadlock
 * (SQLState 40P01) or serialization failure (40001) before Flowable's optimistic lock check sees it.
 * The database rolled that transaction back completely, so for the caller it is a lost race (409,
 * retry), not a server error.
 */
@Component
class DatabaseConflictDetector implements ConcurrentChangeDetector {

    private static final Set<String> CONFLICT_STATES = Set.of("40P01", "40001");

    @Override
    public boolean lostARace(HttpServletRequest request, Exception failure) {
        return isDatabaseConflict(failure);
    }

    static boolean isDatabaseConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && CONFLICT_STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
