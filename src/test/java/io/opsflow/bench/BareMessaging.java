package io.opsflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.opsflow.support.RejectedJobCounter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;

/**
 * The bare side: a standalone Flowable engine with no Opsflow code, its async executor on with the
 * job settings copied from Opsflow's running executor and the same number of job threads, in schema
 * {@value #SCHEMA} of the same PostgreSQL database (its own tables, so neither executor acquires the
 * other's jobs). Queueing creates one async job per message exactly as Opsflow's outbox does;
 * {@link BareDeliveryJobHandler} delivers it.
 */
final class BareMessaging implements MessagingSide, AutoCloseable {

    static final String SCHEMA = "bare_flowable";

    private final BenchDatabase database;
    private final HikariDataSource pool;
    private final CountingDataSource dataSource;
    private final RejectedJobCounter rejections;
    private final ProcessEngine engine;

    BareMessaging(BenchDatabase database, int poolSize, AsyncJobExecutorConfiguration opsflowJobs, int jobThreads, DeliverySink sink) {
        this.database = database;
        execute("create schema if not exists " + SCHEMA);
        execute("create table if not exists " + SCHEMA + ".bench_bare_inbox (id varchar(64) primary key, user_id varchar(255), "
                + "subject varchar(255), body varchar(4000), delivered_at timestamp not null)");
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.url() + "?currentSchema=" + SCHEMA);
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("bare-flowable-messaging");
        dataSource = new CountingDataSource(pool);

        var config = new StandaloneProcessEngineConfiguration();
        config.setEngineName("bare-flowable-messaging");
        config.setDataSource(dataSource);
        config.setDatabaseSchema(SCHEMA);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.addCustomJobHandler(new BareDeliveryJobHandler(sink.url()));
        config.setAsyncExecutorActivate(true);
        config.setAsyncExecutorCorePoolSize(jobThreads);
        config.setAsyncExecutorMaxPoolSize(jobThreads);
        config.setAsyncExecutorThreadPoolQueueSize(jobThreads * 16);
        copyJobSettings(opsflowJobs, config.getAsyncExecutorConfiguration());
        engine = config.buildProcessEngine();
        rejections = RejectedJobCounter.on(engine);
    }

    /** Lock times, acquisition sizes and waits as Opsflow runs them; only the lock owner differs. */
    static void copyJobSettings(AsyncJobExecutorConfiguration from, AsyncJobExecutorConfiguration to) {
        to.setLockOwner("bench-bare");
        to.setAsyncJobLockTime(from.getAsyncJobLockTime());
        to.setTimerLockTime(from.getTimerLockTime());
        to.setMaxAsyncJobsDuePerAcquisition(from.getMaxAsyncJobsDuePerAcquisition());
        to.setMaxTimerJobsPerAcquisition(from.getMaxTimerJobsPerAcquisition());
        to.setDefaultAsyncJobAcquireWaitTime(from.getDefaultAsyncJobAcquireWaitTime());
        to.setDefaultTimerJobAcquireWaitTime(from.getDefaultTimerJobAcquireWaitTime());
        to.setDefaultQueueSizeFullWaitTime(from.getDefaultQueueSizeFullWaitTime());
        to.setGlobalAcquireLockEnabled(from.isGlobalAcquireLockEnabled());
        to.setResetExpiredJobsInterval(from.getResetExpiredJobsInterval());
        to.setUnlockOwnedJobs(from.isUnlockOwnedJobs());
    }

    @Override
    public String name() {
        return "bare Flowable";
    }

    @Override
    public CountingDataSource dataSource() {
        return dataSource;
    }

    @Override
    public int rejectedJobs() {
        return rejections.count();
    }

    @Override
    public void prepare(String run) {
        // nothing: message ids carry the run
    }

    @Override
    public List<String> queue(String run, int from, int to) {
        return engine.getManagementService().executeCommand((Command<List<String>>) context -> {
            var jobs = CommandContextUtil.getJobService(context);
            List<String> ids = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String id = BareDeliveryJobHandler.messageId(run, i);
                var job = jobs.createJob();
                job.setJobHandlerType(BareDeliveryJobHandler.TYPE);
                job.setJobHandlerConfiguration(BareDeliveryJobHandler.configuration(id));
                jobs.createAsyncJob(job, false);
                job.setRetries(1);
                jobs.scheduleAsyncJob(job);
                ids.add(id);
            }
            return ids;
        });
    }

    @Override
    public boolean settled(String run, int messages) {
        return count("select count(*) from " + SCHEMA + ".act_ru_job") == 0;
    }

    @Override
    public Map<String, Long> deliveries(String run, DeliverySink sink) {
        Map<String, Long> delivered = new HashMap<>();
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("select id, delivered_at from " + SCHEMA + ".bench_bare_inbox where id like ?")) {
            s.setString(1, "b-" + run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    delivered.put(rs.getString(1), WallClock.micros(rs.getObject(2, LocalDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String prefix = "b-" + run + "-";
        sink.arrivals().forEach((key, at) -> {
            if (key.startsWith(prefix)) {
                delivered.put(key, at);
            }
        });
        return delivered;
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }

    private long count(String sql) {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
