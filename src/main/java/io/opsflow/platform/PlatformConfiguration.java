package io.opsflow.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans every module may use. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** One clock for product code, so tests and the engine's clock can be moved together. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
