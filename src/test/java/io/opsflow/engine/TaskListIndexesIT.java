package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@OpsflowIntegrationTest
class TaskListIndexesIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    TaskListIndexes taskListIndexes;

    @Test
    void theTaskListIndexesExistAfterStart() throws SQLException {
        assertThat(indexesOn("ACT_RU_TASK")).contains("OPSFLOW_IDX_TASK_ASSIGNEE", "OPSFLOW_IDX_TASK_PRIORITY");
    }

    @Test
    void creatingThemAgainIsHarmless() throws SQLException {
        taskListIndexes.run(new DefaultApplicationArguments());

        assertThat(indexesOn("ACT_RU_TASK")).contains("OPSFLOW_IDX_TASK_ASSIGNEE", "OPSFLOW_IDX_TASK_PRIORITY");
    }

    /** Index names in upper case; H2 stores table names upper case, PostgreSQL lower case. */
    private Set<String> indexesOn(String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (var connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
                try (var rs = meta.getIndexInfo(null, null, name, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return names;
    }
}
