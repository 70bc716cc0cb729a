package io.opsflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database of a test pass. With {@code -Dopsflow.test.database=postgres} it creates a
 * fresh database on the local PostgreSQL (127.0.0.1:5432, user postgres, or {@code OPSFLOW_TEST_PG_*}),
 * runs the pass with the {@code postgres} profile against it and drops it afterwards. When no server
 * answers, it says so loudly and the PostgreSQL pass skips its tests; the H2 pass is unaffected.
 */
public final class TestDatabase implements LauncherSessionListener {

    private static final String HOST = env("OPSFLOW_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("OPSFLOW_TEST_PG_PORT", "5432");
    private static final String USER = env("OPSFLOW_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("OPSFLOW_TEST_PG_PASSWORD", "");
    private static final String ADMIN_DB = env("OPSFLOW_TEST_PG_DATABASE", "test");

    private static volatile String createdDatabase;
    private static volatile String unavailableReason;

    public static boolean isPostgresPass() {
        return "postgres".equals(System.getProperty("opsflow.test.database"));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!isPostgresPass() || createdDatabase != null) {
            return;
        }
        String name;
        try {
            name = createPostgresDatabase("opsflow_it");
        } catch (SQLException e) {
            unavailableReason = "no PostgreSQL server answered at " + HOST + ":" + PORT + " (" + e.getMessage() + ")";
            System.err.println("\n" + "!".repeat(78) + "\n!!  SKIPPING THE POSTGRESQL TEST PASS: " + unavailableReason
                    + "\n!!  Start PostgreSQL or set OPSFLOW_TEST_PG_HOST/PORT/USER/PASSWORD to run it.\n" + "!".repeat(78) + "\n");
            return;
        }
        createdDatabase = name;
        System.setProperty("DATABASE_URL", url(name));
        System.setProperty("DATABASE_USERNAME", USER);
        System.setProperty("DATABASE_PASSWORD", PASSWORD);
        System.out.println("PostgreSQL test pass uses the fresh database " + name);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String name = createdDatabase;
        if (name == null || Boolean.getBoolean("opsflow.test.keepDatabase")) {
            return;
        }
        dropPostgresDatabase(name);
    }

    /** Creates a new, empty database on the test PostgreSQL server and returns its name. */
    public static String createPostgresDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + ThreadLocalRandom.current().nextInt(1000, 9999);
        try (Connection c = DriverManager.getConnection(url(ADMIN_DB), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return name;
    }

    public static void dropPostgresDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url(ADMIN_DB), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    public static String postgresUser() {
        return USER;
    }

    public static String postgresPassword() {
        return PASSWORD;
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code test}, plus {@code postgres} in the PostgreSQL pass. */
    public static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return isPostgresPass() ? new String[] {"test", "postgres"} : new String[] {"test"};
        }
    }

    /** Skips a test in the PostgreSQL pass when the server could not be reached. */
    public static final class SkipWhenUnavailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (isPostgresPass() && unavailableReason != null) {
                return ConditionEvaluationResult.disabled("PostgreSQL pass skipped: " + unavailableReason);
            }
            return ConditionEvaluationResult.enabled("database available");
        }
    }
}
