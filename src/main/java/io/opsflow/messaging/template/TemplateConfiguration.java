package io.opsflow.messaging.template;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

    /** Dates in messages are written in one zone for everyone (users' own zones are a later refinement). */
    @Bean
    TemplateRenderer templateRenderer(@Value("${opsflow.messaging.zone:UTC}") String zone) {
        return new TemplateRenderer(ZoneId.of(zone));
    }
}
