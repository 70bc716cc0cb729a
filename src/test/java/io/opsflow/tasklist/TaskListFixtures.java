package io.opsflow.tasklist;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.opsflow.platform.CurrentUser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Users and service-request instances of one test; ids are unique because tests share a database. */
@Component
class TaskListFixtures {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    TaskListFixtures(IdentityService identityService, RuntimeService runtimeService, TaskService taskService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    String newUser(String prefix, String password, String... groups) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identityService.newUser(id);
        user.setFirstName(prefix);
        user.setPassword(password);
        identityService.saveUser(user);
        Arrays.stream(groups).forEach(g -> identityService.createMembership(id, g));
        return id;
    }

    /** Starts a service request (priority 100, so it tops the shared group list) and returns its handle task. */
    Task startServiceRequest(String starter, String title) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("location", "Building A");
        variables.put("priority", "100");
        Authentication.setAuthenticatedUserId(starter);
        try {
            var instance = runtimeService.startProcessInstanceByKey("service-request", variables);
            return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
    }

    static RequestPostProcessor as(String userId, String... groups) {
        return user(userId).authorities(Arrays.stream(groups)
                .map(g -> new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + g))
                .toList());
    }
}
