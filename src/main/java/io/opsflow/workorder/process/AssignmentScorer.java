package io.opsflow.workorder.process;

import io.opsflow.workorder.assignment.AssignmentRanking;
import io.opsflow.workorder.assignment.CandidateScore;
import io.opsflow.workorder.assignment.Explanation;
import io.opsflow.workorder.assignment.Ranking;
import io.opsflow.workorder.order.AssignmentAudit;
import io.opsflow.workorder.order.AuditEntry;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderSettings;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.platform.Shift;
import java.time.Clock;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The BPMN step {@code ${assignmentScorer}}: ranks the candidates for the work order (variable
 * {@code workOrderId}, or one described by the start variables), stores the chosen assignee with the
 * explanation and writes the variables the rest of the process reads; {@code candidateFound} is false
 * when nobody qualifies, which sends the order to manual dispatch.
 */
@Component("assignmentScorer")
class AssignmentScorer implements JavaDelegate {

    private final WorkOrderStore store;
    private final EmergencyTemplates templates;
    private final AssignmentRanking ranking;
    private final AssignmentAudit audit;
    private final WorkOrderSettings settings;
    private final Clock clock;

    AssignmentScorer(WorkOrderStore store, EmergencyTemplates templates, AssignmentRanking ranking, AssignmentAudit audit,
            WorkOrderSettings settings, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.ranking = ranking;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkOrder order = workOrder(execution);
        if (order.status() != WorkOrderStatus.NEW) {
            throw new FlowableIllegalArgumentException("work order " + order.number() + " already has a process");
        }
        store.linkProcess(order.id(), execution.getProcessInstanceId());
        Ranking ranked = ranking.rank(order.skills());
        String chosen = ranked.best().map(CandidateScore::userId).orElse(null);
        store.recordAssignment(order.id(), chosen, Explanation.of(ranked, chosen, settings.explainedCandidates(), clock.instant()));
        ranked.best().ifPresent(best -> audit.record(order.id(), AuditEntry.AUTO, null, best.userId(), "assignmentScorer",
                "best score " + best.score() + " of " + ranked.candidateCount() + " candidate(s)"
                        + (Shift.OFF_SHIFT.text().equals(best.shift()) ? "; off shift: nobody with the skills is on shift now" : "")));
        WorkOrder assigned = store.find(order.id()).orElseThrow();
        WorkOrderVariables.write(execution, assigned, store.checklist(order.id()), settings.secondLevelAfter());
    }

    private WorkOrder workOrder(DelegateExecution execution) {
        Object id = execution.getVariable("workOrderId");
        if (id != null) {
            return store.find(String.valueOf(id))
                    .orElseThrow(() -> new FlowableIllegalArgumentException("unknown work order '" + id + "'"));
        }
        try {
            return store.create(StartVariables.read(execution, templates, Authentication.getAuthenticatedUserId(), clock));
        } catch (InvalidWorkOrderInput e) {
            throw new FlowableIllegalArgumentException(e.getMessage());
        }
    }
}
