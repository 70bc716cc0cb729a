package io.opsflow.approval.run;

import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/** Deploys the contract-following fixture BPMN files and creates unique users for one test. */
final class ApprovalFixture {

    static final String CHAIN = "approval-fx-chain";
    static final String PARALLEL = "approval-fx-parallel";

    private final IdentityService identityService;
    private final TaskService taskService;

    ApprovalFixture(RepositoryService repositoryService, IdentityService identityService, TaskService taskService) {
        this.identityService = identityService;
        this.taskService = taskService;
        for (String key : List.of(CHAIN, PARALLEL)) {
            repositoryService.createDeployment().name(key).addClasspathResource("approval/" + key + ".bpmn20.xml")
                    .enableDuplicateFiltering().deploy();
        }
    }

    CurrentUser user(String prefix) {
        return new CurrentUser(TestUsers.create(identityService, prefix, "staff"), List.of("staff"));
    }

    List<CurrentUser> users(String prefix, int n) {
        List<CurrentUser> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(user(prefix + i));
        }
        return users;
    }

    static List<String> ids(CurrentUser... users) {
        return java.util.Arrays.stream(users).map(CurrentUser::id).toList();
    }

    static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    Task taskOf(String pid, CurrentUser user) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pid).taskAssignee(user.id()).list();
        if (tasks.size() != 1) {
            throw new AssertionError("expected one open task of " + user.id() + " but found " + tasks.size());
        }
        return tasks.get(0);
    }

    List<String> openNodes(String pid) {
        return taskService.createTaskQuery().processInstanceId(pid).orderByTaskDefinitionKey().asc().list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
    }

    List<String> openAssignees(String pid, String node) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(node).list().stream()
                .map(Task::getAssignee)
                .sorted()
                .toList();
    }
}
