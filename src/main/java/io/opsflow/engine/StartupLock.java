package io.opsflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * On PostgreSQL, nodes starting together on one database start one after the other: this holds a
 * session-level advisory lock from before the engine creates or upgrades its schema until the node
 * is ready (processes deployed, admin created). Flowable's own schema lock needs its property table
 * to exist already, so it cannot protect the very first start.
 */
class StartupLock implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    static final String BEAN_NAME = "opsflowStartupLock";
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    private static final long LOCK_KEY = 0x0f5f10_0001L;

    private Connection held;

    StartupLock(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            connection.close();
            return;
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            if (!tryLock(statement)) {
                log.info("Another Opsflow node is starting on this database; waiting for it to finish");
                statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
        }
        held = connection;
    }

    private static boolean tryLock(Statement statement) throws SQLException {
        try (var result = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the start-up lock cleanly; closing its connection releases it: {}", e.getMessage());
        } finally {
            held = null;
        }
    }
}
