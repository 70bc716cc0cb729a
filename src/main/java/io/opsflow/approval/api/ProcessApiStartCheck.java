package io.opsflow.approval.api;

import io.opsflow.approval.run.ApprovalDefinitions;
import io.opsflow.engine.StartVariablesCheck;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * A {@code /process-api} start of an approval with a form gets the same check and typing as
 * {@code POST /api/v1/approvals} (decision 0078); a refusal answers 400 with {@code fieldErrors}
 * ({@link ProcessApiStartErrors}). The latest version's form is used, as on the web and in the API.
 */
@Component
class ProcessApiStartCheck implements StartVariablesCheck {

    private final FormStart formStart;

    ProcessApiStartCheck(FormStart formStart) {
        this.formStart = formStart;
    }

    @Override
    public Optional<Map<String, Object>> check(ProcessDefinition definition, Map<String, Object> sent) {
        if (!ApprovalDefinitions.isApproval(definition)) {
            return Optional.empty();
        }
        return formStart.checked(definition.getKey(), sent);
    }
}
