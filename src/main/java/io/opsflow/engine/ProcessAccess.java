package io.opsflow.engine;

import io.opsflow.platform.CurrentUser;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.TaskInfo;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on which task, process instance and definition — the one rule used by the web
 * task list, {@code /api/v1} and the interceptor guarding Flowable's {@code /process-api}.
 * <ul>
 *   <li>Admins see everything.
 *   <li>A task: its assignee, its owner, its candidate users and the members of its candidate groups.
 *   <li>A process instance: whoever started it, whoever the engine linked to it (participants), and
 *       whoever may see one of its tasks, open or done.
 *   <li>Starting a definition: its candidate starters (users or groups) if it names any, else every user.
 * </ul>
 */
@Component
public class ProcessAccess {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;

    ProcessAccess(TaskService taskService, HistoryService historyService, RepositoryService repositoryService) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    /** An open task. */
    public boolean canSeeTask(CurrentUser user, TaskInfo task) {
        return user.isAdmin()
                || isAssigneeOrOwner(user, task)
                || matchesCandidate(user, taskService.getIdentityLinksForTask(task.getId()));
    }

    /** A task from history, open or completed. */
    public boolean canSeeHistoricTask(CurrentUser user, TaskInfo task) {
        return user.isAdmin()
                || isAssigneeOrOwner(user, task)
                || matchesCandidate(user, historyService.getHistoricIdentityLinksForTask(task.getId()));
    }

    public boolean canSeeProcessInstance(CurrentUser user, String processInstanceId) {
        if (user.isAdmin()) {
            return true;
        }
        var instances = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId);
        if (instances.or().startedBy(user.id()).involvedUser(user.id()).endOr().count() > 0) {
            return true;
        }
        var tasks = historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).or().taskInvolvedUser(user.id());
        if (!user.groups().isEmpty()) {
            tasks = tasks.taskInvolvedGroups(user.groups());
        }
        return tasks.endOr().count() > 0;
    }

    public boolean canStart(CurrentUser user, ProcessDefinition definition) {
        if (user.isAdmin()) {
            return true;
        }
        List<? extends IdentityLinkInfo> starters = repositoryService.getIdentityLinksForProcessDefinition(definition.getId());
        return starters.isEmpty() || matchesCandidate(user, starters);
    }

    private static boolean isAssigneeOrOwner(CurrentUser user, TaskInfo task) {
        return user.id().equals(task.getAssignee()) || user.id().equals(task.getOwner());
    }

    private static boolean matchesCandidate(CurrentUser user, List<? extends IdentityLinkInfo> links) {
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        || IdentityLinkType.ASSIGNEE.equals(link.getType())
                        || IdentityLinkType.OWNER.equals(link.getType())
                        || IdentityLinkType.STARTER.equals(link.getType()))
                .anyMatch(link -> user.id().equals(link.getUserId())
                        || (link.getGroupId() != null && user.isIn(link.getGroupId())));
    }
}
