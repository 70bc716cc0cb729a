package io.opsflow.approval.api;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.assignee.People;
import io.opsflow.approval.definition.ApprovalModels;
import io.opsflow.approval.definition.UnknownDefinitionException;
import io.opsflow.approval.model.JsonStartValues;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.model.StartFormValues;
import io.opsflow.approval.run.ApprovalRuntime;
import io.opsflow.approval.run.InvalidFormValues;
import io.opsflow.platform.CurrentUser;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Starts an approval from the API with values checked against its form (decision 0078): a designed
 * approval with form fields takes only its fields, read by the web start form's rules; an approval
 * without a form (hand-written BPMN, or a model without fields) takes plain values as before.
 */
@Component
class FormStart {

    private final ApprovalRuntime runtime;
    private final ApprovalModels models;
    private final People people;

    FormStart(ApprovalRuntime runtime, ApprovalModels models, People people) {
        this.runtime = runtime;
        this.models = models;
        this.people = people;
    }

    /** @return the started process instance id; nothing is started when a value does not fit */
    String start(String definitionKey, Map<String, Object> sent, CurrentUser user) {
        return checked(definitionKey, sent)
                .map(values -> runtime.start(definitionKey, values, user))
                .orElseGet(() -> runtime.start(definitionKey, sent, user));
    }

    /**
     * @return the values to start with, typed; empty when the approval has no form (plain values go as sent)
     * @throws InvalidFormValues naming every value that does not fit the form
     */
    Optional<Map<String, Object>> checked(String definitionKey, Map<String, ?> sent) {
        SimpleModel designed = designed(definitionKey);
        if (designed == null || designed.form().fields().isEmpty()) {
            return Optional.empty();
        }
        StartFormValues.Result read = JsonStartValues.read(designed, sent, people);
        if (!read.valid()) {
            throw new InvalidFormValues(read.errors());
        }
        return Optional.of(read.values());
    }

    private SimpleModel designed(String key) {
        if (!ApprovalConventions.isApprovalKey(key)) {
            return null; // a code ("leave") or another process: runtime answers 404 for it
        }
        try {
            return models.latest(key);
        } catch (UnknownDefinitionException | IllegalStateException e) {
            return null;
        }
    }
}
