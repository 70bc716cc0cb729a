package io.opsflow.engine.audit;

import static org.flowable.common.engine.api.delegate.event.FlowableEngineEventType.PROCESS_CANCELLED;
import static org.flowable.common.engine.api.delegate.event.FlowableEngineEventType.PROCESS_COMPLETED;
import static org.flowable.common.engine.api.delegate.event.FlowableEngineEventType.PROCESS_STARTED;
import static org.flowable.common.engine.api.delegate.event.FlowableEngineEventType.TASK_ASSIGNED;
import static org.flowable.common.engine.api.delegate.event.FlowableEngineEventType.TASK_COMPLETED;
import static org.flowable.common.engine.api.delegate.event.FlowableEngineEventType.TASK_CREATED;

import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> auditLogConfigurer() {
        return config -> {
            var listener = new AuditLogListener();
            var typed = config.getTypedEventListeners() == null
                    ? new HashMap<String, List<FlowableEventListener>>()
                    : new HashMap<>(config.getTypedEventListeners());
            Stream.of(TASK_CREATED, TASK_ASSIGNED, TASK_COMPLETED, PROCESS_STARTED, PROCESS_COMPLETED, PROCESS_CANCELLED)
                    .forEach(type -> typed.merge(type.name(), List.of(listener), (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
            config.setTypedEventListeners(typed);
        };
    }
}
