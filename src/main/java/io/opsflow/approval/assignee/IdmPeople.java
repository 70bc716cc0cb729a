package io.opsflow.approval.assignee;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.springframework.stereotype.Component;

/** {@link People} from Flowable IDM (users, groups) and the {@link OrgChart}. */
@Component
public class IdmPeople implements People {

    private final IdentityService identityService;
    private final OrgChart orgChart;

    IdmPeople(IdentityService identityService, OrgChart orgChart) {
        this.identityService = identityService;
        this.orgChart = orgChart;
    }

    @Override
    public boolean userExists(String userId) {
        return userId != null && !userId.isBlank() && identityService.createUserQuery().userId(userId).count() > 0;
    }

    @Override
    public boolean groupExists(String groupId) {
        return groupId != null && !groupId.isBlank() && identityService.createGroupQuery().groupId(groupId).count() > 0;
    }

    @Override
    public List<String> groupMembers(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return List.of();
        }
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getId)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    @Override
    public Optional<String> supervisorOf(String userId) {
        return userId == null ? Optional.empty() : orgChart.supervisorOf(userId);
    }
}
