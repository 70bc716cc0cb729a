package io.opsflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.opsflow.OpsflowApplication;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Opsflow application (web server on a random port, every bean, Opsflow's engine
 * configuration as it is at run time) on the given database, with the async executor off so no
 * background work competes with the measured calls (or on, for benchmarks of job-driven work such
 * as message delivery). Its data source is wrapped to count statements.
 */
final class OpsflowApplicationContext {

    private OpsflowApplicationContext() {}

    static EngineUnderTest start(BenchDatabase database, String... extraArgs) {
        return asEngine(run(database, false, extraArgs));
    }

    /** The running context itself, for benchmarks that use Opsflow's own beans beyond the engine. */
    static ConfigurableApplicationContext run(BenchDatabase database, boolean asyncExecutor, String... extraArgs) {
        return run(database, asyncExecutor, null, extraArgs);
    }

    /**
     * As {@link #run(BenchDatabase, boolean, String...)}, with one more bean post-processor (null for none), e.g. a
     * benchmark's lever on a bean that has no property of its own.
     */
    static ConfigurableApplicationContext run(BenchDatabase database, boolean asyncExecutor, BeanPostProcessor extra,
            String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--flowable.async-executor-activate=" + asyncExecutor,
                "--flowable.history-level=audit",
                "--opsflow.node.id=bench",
                "--opsflow.demo.enabled=false",
                "--opsflow.admin.password=bench-admin-password",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        args.addAll(List.of(extraArgs));
        var builder = new SpringApplicationBuilder(OpsflowApplication.class)
                .initializers(context -> {
                    if (extra != null) {
                        context.getBeanFactory().addBeanPostProcessor(extra);
                    }
                    context.getBeanFactory().addBeanPostProcessor(new CountingDataSourceWrapper());
                });
        if (database.isPostgres()) {
            builder.profiles("postgres");
        }
        return builder.run(args.toArray(String[]::new));
    }

    static EngineUnderTest asEngine(ConfigurableApplicationContext context) {
        var counting = (CountingDataSource) context.getBean(DataSource.class);
        return new EngineUnderTest("Opsflow", context.getBean(ProcessEngine.class), counting, context::close);
    }

    static int poolSize(EngineUnderTest opsflow) {
        try {
            return opsflow.dataSource().unwrap(HikariDataSource.class).getMaximumPoolSize();
        } catch (SQLException e) {
            throw new IllegalStateException("Opsflow's data source is not a Hikari pool", e);
        }
    }

    private static final class CountingDataSourceWrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                    ? new CountingDataSource(dataSource)
                    : bean;
        }
    }
}
