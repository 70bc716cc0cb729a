package io.opsflow.engine.rest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcessApiWebConfiguration {

    @Bean
    FilterRegistrationBean<AttachmentDownloadFilter> attachmentDownloadFilter() {
        var registration = new FilterRegistrationBean<>(new AttachmentDownloadFilter());
        registration.addUrlPatterns("/process-api/runtime/tasks/*");
        return registration;
    }
}
