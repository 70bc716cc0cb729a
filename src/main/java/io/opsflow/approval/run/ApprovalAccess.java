package io.opsflow.approval.run;

import io.opsflow.approval.cc.CcRecords;
import io.opsflow.approval.timeline.ActionLog;
import io.opsflow.platform.CurrentUser;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Who may see an approval: admins, its starter, everyone who has or had a task in it (also as owner of
 * a delegated task) and everyone it was CC'd to (by a CC node or by hand). Everyone else gets a 404, as if it did not exist.
 */
@Component
public class ApprovalAccess {

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final ActionLog log;
    private final CcRecords ccRecords;

    ApprovalAccess(HistoryService historyService, RepositoryService repositoryService, ActionLog log, CcRecords ccRecords) {
        this.ccRecords = ccRecords;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.log = log;
    }

    /** The approval if the user may see it; otherwise {@link UnknownApproval}. */
    public HistoricProcessInstance visible(String processInstanceId, CurrentUser user) {
        HistoricProcessInstance instance = processInstanceId == null ? null
                : historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null || !isApproval(instance.getProcessDefinitionId()) || !maySee(instance, user)) {
            throw new UnknownApproval("The approval does not exist or you may not see it.");
        }
        return instance;
    }

    public boolean maySee(HistoricProcessInstance instance, CurrentUser user) {
        if (user.isAdmin() || user.id().equals(instance.getStartUserId())) {
            return true;
        }
        String id = instance.getId();
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(id).taskAssignee(user.id()).count() > 0
                || historyService.createHistoricTaskInstanceQuery().processInstanceId(id).taskOwner(user.id()).count() > 0
                || log.wasCcTo(id, user.id())
                || ccRecords.forInstance(id).stream().anyMatch(cc -> user.id().equals(cc.userId()));
    }

    public boolean isApproval(String processDefinitionId) {
        return ApprovalDefinitions.isApproval(repositoryService.getProcessDefinition(processDefinitionId));
    }
}
