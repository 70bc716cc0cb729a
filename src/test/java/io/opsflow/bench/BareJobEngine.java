package io.opsflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;

/**
 * The bare side of the async-job benchmark: a standalone Flowable engine with no Opsflow code, its
 * async executor on with Opsflow's job settings and thread count, in schema {@value #SCHEMA} of the
 * same PostgreSQL database, so neither executor acquires the other's jobs.
 */
final class BareJobEngine implements AutoCloseable {

    static final String SCHEMA = "bare_jobs";

    private final HikariDataSource pool;
    private final ProcessEngine engine;

    BareJobEngine(BenchDatabase database, int poolSize, AsyncJobExecutorConfiguration opsflowJobs, int jobThreads, int queue) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.url() + "?currentSchema=" + SCHEMA);
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("bare-flowable-jobs");

        var config = new StandaloneProcessEngineConfiguration();
        config.setEngineName("bare-flowable-jobs");
        config.setDataSource(pool);
        config.setDatabaseSchema(SCHEMA);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setAsyncExecutorActivate(true);
        config.setAsyncExecutorCorePoolSize(jobThreads);
        config.setAsyncExecutorMaxPoolSize(jobThreads);
        config.setAsyncExecutorThreadPoolQueueSize(queue);
        BareMessaging.copyJobSettings(opsflowJobs, config.getAsyncExecutorConfiguration());
        config.getAsyncExecutorConfiguration().setLockOwner("bench-bare-jobs");
        engine = config.buildProcessEngine();
        AsyncJobDrainBenchmark.deploy(engine);
    }

    ProcessEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
