package io.opsflow.platform.identity;

import io.opsflow.platform.Groups;
import java.util.ArrayList;
import java.util.List;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.idm.api.User;
import org.flowable.idm.api.event.FlowableIdmEventType;
import org.flowable.idm.api.event.FlowableIdmMembershipEvent;
import org.flowable.idm.spring.SpringIdmEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells {@link StaffCandidates} about IDM changes to who is staff: a {@code staff} membership created
 * or deleted, the {@code staff} group deleted, a user deleted. However the change is made (our pages,
 * {@code /api/v1}, Flowable's identity service), the rows are rewritten when its transaction commits,
 * after Flowable has flushed it.
 */
@Configuration(proxyBeanMethods = false)
class StaffMembershipListener {

    @Bean
    EngineConfigurationConfigurer<SpringIdmEngineConfiguration> staffMembershipEvents(StaffCandidates candidates) {
        return idm -> {
            List<FlowableEventListener> listeners = idm.getEventListeners() == null ? new ArrayList<>() : new ArrayList<>(idm.getEventListeners());
            listeners.add(new Listener(candidates));
            idm.setEventListeners(listeners);
        };
    }

    private static final class Listener extends AbstractFlowableEventListener {

        private final StaffCandidates candidates;

        Listener(StaffCandidates candidates) {
            this.candidates = candidates;
        }

        @Override
        public void onEvent(FlowableEvent event) {
            if (event instanceof FlowableIdmMembershipEvent membership && Groups.STAFF.equals(membership.getGroupId())) {
                if (membership.getUserId() == null) {
                    candidates.changedAll();
                } else {
                    candidates.changed(membership.getUserId());
                }
            } else if (event.getType() == FlowableIdmEventType.ENTITY_DELETED && event instanceof FlowableEntityEvent entity
                    && entity.getEntity() instanceof User user) {
                candidates.changed(user.getId());
            }
        }

        @Override
        public boolean isFailOnException() {
            return true;
        }
    }
}
