package io.opsflow.workorder;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.Accounts;
import io.opsflow.platform.identity.UserSkills;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Staff with unique skills (tests share one database), and work orders started the way /process-api would. */
@Component
class WorkOrderFixtures {

    private final IdentityService identityService;
    private final UserSkills userSkills;
    private final Accounts accounts;
    private final RuntimeService runtimeService;

    WorkOrderFixtures(IdentityService identityService, UserSkills userSkills, Accounts accounts, RuntimeService runtimeService) {
        this.identityService = identityService;
        this.userSkills = userSkills;
        this.accounts = accounts;
        this.runtimeService = runtimeService;
    }

    /** A skill only this test's staff have, e.g. 电工-1a2b3c4d. */
    static String skill(String name) {
        return TestUsers.uniqueId(name);
    }

    String staff(String prefix, String... skills) {
        String id = user(prefix, Groups.STAFF);
        userSkills.replace(id, List.of(skills));
        return id;
    }

    String disabledStaff(String prefix, String... skills) {
        String id = staff(prefix, skills);
        accounts.setDisabled(id, true);
        return id;
    }

    String supervisor() {
        return user("supervisor", Groups.SUPERVISOR);
    }

    /** Starts {@code work-order} with the variables an integrator would send; returns the process instance id. */
    String start(String startedBy, Map<String, Object> variables) {
        identityService.setAuthenticatedUserId(startedBy);
        try {
            return runtimeService.startProcessInstanceByKey("work-order", new HashMap<>(variables)).getId();
        } finally {
            identityService.setAuthenticatedUserId(null);
        }
    }

    static Map<String, Object> order(String title, String skill, Instant dueAt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("skills", List.of(skill));
        variables.put("location", "A区 3号楼");
        variables.put("dueAt", Date.from(dueAt));
        return variables;
    }

    /** A user with an e-mail address who can log in with {@link TestUsers#PASSWORD}. */
    String user(String prefix, String... groups) {
        String id = TestUsers.uniqueId(prefix);
        var user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName(prefix);
        user.setEmail(id + "@example.com");
        user.setPassword(TestUsers.PASSWORD);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
        return id;
    }
}
