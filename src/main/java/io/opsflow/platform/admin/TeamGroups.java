package io.opsflow.platform.admin;

import java.util.Comparator;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team groups ({@code type=team}), such as {@code team-north}: created here, filled on the user
 * pages, and usable in BPMN {@code candidateGroups} like the system groups.
 */
@Service
class TeamGroups {

    static final String TEAM_TYPE = "team";
    private static final Logger audit = LoggerFactory.getLogger("io.opsflow.audit");

    record GroupOverview(String id, String name, String type, List<String> members) {}

    private final IdentityService identityService;
    private final UserRules rules;

    TeamGroups(IdentityService identityService, UserRules rules) {
        this.identityService = identityService;
        this.rules = rules;
    }

    @Transactional
    void create(String adminId, String id, String name) {
        var problems = new InvalidInput.Problems();
        rules.checkNewGroupId(problems, id);
        if (name == null || name.isBlank()) {
            problems.add("name", "Enter a name, e.g. 'North team'.");
        } else if (name.length() > 100) {
            problems.add("name", "Use at most 100 characters.");
        }
        problems.throwIfAny();
        Group group = identityService.newGroup(id);
        group.setName(name.strip());
        group.setType(TEAM_TYPE);
        identityService.saveGroup(group);
        audit.info("admin {} created team group {}", adminId, id);
    }

    /** Every group with its members' ids; system groups first. */
    List<GroupOverview> overview() {
        return identityService.createGroupQuery().list().stream()
                .sorted(Comparator.comparing((Group g) -> !"system".equals(g.getType())).thenComparing(Group::getId))
                .map(g -> new GroupOverview(g.getId(), g.getName(), g.getType() == null ? "" : g.getType(), membersOf(g.getId())))
                .toList();
    }

    private List<String> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getId)
                .toList();
    }
}
