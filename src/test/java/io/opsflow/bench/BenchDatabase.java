package io.opsflow.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A database a benchmark runs on: a fresh H2 file database under {@code target/bench/h2}, or a fresh
 * database on the local PostgreSQL (127.0.0.1:5432, user postgres, or {@code OPSFLOW_BENCH_PG_*}).
 */
record BenchDatabase(String label, String url, String username, String password, String createdPostgresName) {

    private static final String PG_HOST = env("OPSFLOW_BENCH_PG_HOST", "127.0.0.1");
    private static final String PG_PORT = env("OPSFLOW_BENCH_PG_PORT", "5432");
    private static final String PG_USER = env("OPSFLOW_BENCH_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("OPSFLOW_BENCH_PG_PASSWORD", "");
    private static final String PG_ADMIN_DB = env("OPSFLOW_BENCH_PG_DATABASE", "test");

    static BenchDatabase freshH2(String purpose) {
        Path file = Path.of("target", "bench", "h2", purpose + "_" + timestamp()).toAbsolutePath();
        return new BenchDatabase(
                "H2 " + org.h2.engine.Constants.FULL_VERSION,
                "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY",
                "sa",
                "",
                null);
    }

    static BenchDatabase freshPostgres(String purpose) {
        String name = "opsflow_bench_" + purpose + "_" + timestamp();
        adminExecute("create database " + name);
        return postgres(name, name);
    }

    static BenchDatabase existingPostgres(String name) {
        return postgres(name, null);
    }

    private static BenchDatabase postgres(String name, String created) {
        return new BenchDatabase("PostgreSQL", pgUrl(name), PG_USER, PG_PASSWORD, created);
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    String serverVersion() {
        try (Connection c = connect()) {
            var meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return label;
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** Drops a PostgreSQL database this run created, unless {@code -Dbench.keepDatabase=true}. */
    void dropIfCreated() {
        if (createdPostgresName == null) {
            return;
        }
        if (BenchSettings.keepDatabases()) {
            System.out.println("Kept benchmark database " + createdPostgresName);
            return;
        }
        adminExecute("drop database if exists " + createdPostgresName + " with (force)");
    }

    private static void adminExecute(String sql) {
        try (Connection c = DriverManager.getConnection(pgUrl(PG_ADMIN_DB), PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_HOST + ":" + PG_PORT + ": " + sql + " failed", e);
        }
    }

    private static String pgUrl(String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    }

    private static String timestamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
