package io.opsflow.tasklist.form;

import org.flowable.engine.IdentityService;
import org.springframework.stereotype.Component;

/** User-picker checks against Flowable IDM. */
@Component
class IdmUserDirectory implements UserDirectory {

    private final IdentityService identityService;

    IdmUserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() == 1;
    }

    @Override
    public boolean isMember(String userId, String groupId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1;
    }
}
