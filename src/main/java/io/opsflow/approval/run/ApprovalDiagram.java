package io.opsflow.approval.run;

import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.ProcessDiagrams;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * An approval's BPMN diagram with its progress: nodes open now are current, every other element the
 * instance went through is passed (a node returned to and open again counts as current).
 */
@Component
public class ApprovalDiagram {

    private final ApprovalAccess access;
    private final HistoryService historyService;
    private final ProcessDiagrams diagrams;

    ApprovalDiagram(ApprovalAccess access, HistoryService historyService, ProcessDiagrams diagrams) {
        this.access = access;
        this.historyService = historyService;
        this.diagrams = diagrams;
    }

    /** The SVG markup (escaped names), or an empty string for BPMN without diagram interchange; 404 rules as for the detail. */
    public String svg(String processInstanceId, CurrentUser user) {
        HistoricProcessInstance instance = access.visible(processInstanceId, user);
        Set<String> active = new LinkedHashSet<>();
        Set<String> completed = new LinkedHashSet<>();
        for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list()) {
            (a.getEndTime() == null ? active : completed).add(a.getActivityId());
        }
        completed.removeAll(active);
        return diagrams.svg(instance.getProcessDefinitionId(), active, completed);
    }
}
