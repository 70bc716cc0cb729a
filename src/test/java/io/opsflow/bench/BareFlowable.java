package io.opsflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * A bare Flowable engine: Flowable's standalone configuration with no Opsflow code, history
 * {@code audit}, no async executor, over its own Hikari pool of the given size on the given database.
 */
final class BareFlowable {

    private BareFlowable() {}

    static EngineUnderTest start(BenchDatabase database, int poolSize) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("bare-flowable");
        var counting = new CountingDataSource(pool);

        var config = new StandaloneProcessEngineConfiguration();
        config.setEngineName("bare-flowable-" + System.nanoTime());
        config.setDataSource(counting);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setAsyncExecutorActivate(false);
        var engine = config.buildProcessEngine();
        return new EngineUnderTest("bare Flowable", engine, counting, () -> {
            engine.close();
            pool.close();
        });
    }
}
