package io.opsflow.engine;

import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the Flowable engine and Flyway wait for {@link StartupLock} before they touch the schema. */
@Configuration(proxyBeanMethods = false)
class StartupLockConfiguration {

    private static final String[] GUARDED_BEANS = {"processEngine", "flyway", "flywayInitializer"};

    @Bean(StartupLock.BEAN_NAME)
    StartupLock opsflowStartupLock(DataSource dataSource) throws java.sql.SQLException {
        return new StartupLock(dataSource);
    }

    @Bean
    static BeanFactoryPostProcessor schemaUsersWaitForStartupLock() {
        return beanFactory -> Arrays.stream(GUARDED_BEANS)
                .filter(beanFactory::containsBeanDefinition)
                .map(beanFactory::getBeanDefinition)
                .forEach(definition -> definition.setDependsOn(Stream.concat(
                                Stream.ofNullable(definition.getDependsOn()).flatMap(Arrays::stream),
                                Stream.of(StartupLock.BEAN_NAME))
                        .distinct()
                        .toArray(String[]::new)));
    }
}
