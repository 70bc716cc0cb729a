package io.opsflow.platform.errors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ErrorsConfiguration {

    /** Before Spring Security, so 401/403 bodies written by its handlers carry the id too. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.addUrlPatterns("/process-api/*", "/api/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Just inside the correlation id filter, before authentication: an oversized body is refused before
     * anything reads it. JSON bodies are small (variables, forms, actions); uploads and deployments are
     * multipart and keep the multipart request limit.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${opsflow.api.max-json-body:5MB}") DataSize jsonLimit, MultipartProperties multipart) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(jsonLimit.toBytes(), multipart.getMaxRequestSize().toBytes()));
        registration.addUrlPatterns("/process-api/*", "/api/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} at once by default, so the client sends its whole
     * body even when the answer is a 413 that never reads it (and then finds the connection closed).
     * Only when the application starts reading the body is "go on" the right answer.
     */
    @Bean
    TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    /** Just inside the correlation id filter, around Spring Security, so a login that needs the database is covered too. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
