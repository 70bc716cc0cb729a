package io.opsflow.approval.run;

import io.opsflow.approval.assignee.People;
import io.opsflow.approval.definition.ApprovalModels;
import io.opsflow.approval.model.ResubmittedValues;
import io.opsflow.approval.model.SimpleModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * Resubmitted values checked like start values (decision 0078) against the form of the version the approval runs,
 * not the latest: omitted fields keep their earlier values ({@link ResubmittedValues}). Approvals without form fields
 * take plain values as at start.
 */
@Component
public class ResubmitForm {

    private final ApprovalModels models;
    private final People people;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    ResubmitForm(ApprovalModels models, People people, RuntimeService runtimeService, HistoryService historyService) {
        this.models = models;
        this.people = people;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** The variables to set and to remove. */
    record Changes(Map<String, Object> set, Set<String> removed) {}

    /** The model whose form a resubmission of this approval is checked against; empty when it takes plain values. */
    public Optional<SimpleModel> of(String processInstanceId) {
        HistoricProcessInstance instance = processInstanceId == null ? null
                : historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? Optional.empty() : withFields(instance.getProcessDefinitionId());
    }

    /**
     * @return what to change, only values that differ from the earlier ones
     * @throws InvalidFormValues naming every value that does not fit the form; nothing is changed
     */
    Changes check(Task task, Map<String, ?> sent) {
        Optional<SimpleModel> designed = withFields(task.getProcessDefinitionId());
        if (designed.isEmpty()) {
            return new Changes(FormVariables.check(sent), Set.of());
        }
        Map<String, Object> earlier = runtimeService.getVariables(task.getProcessInstanceId());
        ResubmittedValues.Result read = ResubmittedValues.read(designed.get(), earlier, sent, people);
        if (!read.valid()) {
            throw new InvalidFormValues(read.errors());
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        read.values().forEach((name, value) -> {
            if (!Objects.equals(earlier.get(name), value)) {
                changed.put(name, value);
            }
        });
        return new Changes(changed, read.cleared());
    }

    private Optional<SimpleModel> withFields(String processDefinitionId) {
        return models.running(processDefinitionId).filter(m -> !m.form().fields().isEmpty());
    }
}
