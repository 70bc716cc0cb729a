package io.opsflow.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes Flowable's schema lacks for the task list's queries (see docs/benchmarks.md, B8). Created
 * after the engine has created or upgraded its tables, idempotently, on H2 and PostgreSQL alike. The
 * {@code OPSFLOW_IDX_} prefix keeps them apart from Flowable's {@code ACT_IDX_} names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TaskListIndexes implements ApplicationRunner {

    static final List<String> INDEXES = List.of(
            // "My tasks" and its count badge filter open tasks by assignee.
            "create index if not exists OPSFLOW_IDX_TASK_ASSIGNEE on ACT_RU_TASK (ASSIGNEE_)",
            // Both lists show the first page by priority, then newest: reading this index in order
            // finds the first 20 unassigned candidate tasks without sorting every one of them.
            "create index if not exists OPSFLOW_IDX_TASK_PRIORITY on ACT_RU_TASK (PRIORITY_ desc, CREATE_TIME_ desc)");

    private static final Logger log = LoggerFactory.getLogger(TaskListIndexes.class);

    private final JdbcTemplate jdbc;

    TaskListIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String index : INDEXES) {
            try {
                jdbc.execute(index);
            } catch (DataAccessException e) {
                // A node starting at the same moment may be creating the same index; the task list
                // works without it, only slower, so start-up goes on.
                log.warn("Could not run '{}': {}", index, e.getMostSpecificCause().getMessage());
            }
        }
    }
}
