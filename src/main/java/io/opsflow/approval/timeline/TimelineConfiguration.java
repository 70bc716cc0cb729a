package io.opsflow.approval.timeline;

import io.opsflow.approval.notify.ApprovalNotifications;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the approval timeline listener with the engine for task and process events. */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> approvalTimelineConfigurer(ObjectProvider<ActionLog> log,
            ObjectProvider<ApprovalNotifications> notifications) {
        return config -> {
            ApprovalEventListener listener = new ApprovalEventListener(log, notifications);
            Map<String, List<FlowableEventListener>> typed = config.getTypedEventListeners() == null ? new HashMap<>()
                    : new HashMap<>(config.getTypedEventListeners());
            for (FlowableEngineEventType type : List.of(FlowableEngineEventType.TASK_CREATED, FlowableEngineEventType.TASK_COMPLETED,
                    FlowableEngineEventType.PROCESS_COMPLETED)) {
                List<FlowableEventListener> listeners = new ArrayList<>(typed.getOrDefault(type.name(), List.of()));
                listeners.add(listener);
                typed.put(type.name(), listeners);
            }
            config.setTypedEventListeners(typed);
        };
    }
}
