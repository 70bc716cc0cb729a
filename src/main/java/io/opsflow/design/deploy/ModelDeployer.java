package io.opsflow.design.deploy;

import io.opsflow.design.lint.ModelValidator;
import io.opsflow.design.lint.Problem;
import io.opsflow.design.model.DesignModel;
import io.opsflow.design.model.ModelStore;
import io.opsflow.design.model.ModelVersion;
import io.opsflow.design.model.Models;
import io.opsflow.engine.BpmnDeployments;
import io.opsflow.platform.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys a saved model version: validation first (any error and nothing is deployed), then the code
 * rule of {@code /process-api} (scripts, classes and expressions need an admin), then one deployment
 * whose definition is remembered with the version comment.
 */
@Component
public class ModelDeployer {

    static final int MAX_COMMENT = 2000;

    private final Models models;
    private final ModelStore store;
    private final ModelValidator validator;
    private final BpmnDeployments deployments;

    ModelDeployer(Models models, ModelStore store, ModelValidator validator, BpmnDeployments deployments) {
        this.models = models;
        this.store = store;
        this.validator = validator;
        this.deployments = deployments;
    }

    /** What a deploy made. */
    public record Deployed(String modelId, int modelVersion, String deploymentId, String processDefinitionId,
            String processDefinitionKey, int processDefinitionVersion, List<Problem> warnings) {}

    @Transactional
    public Deployed deploy(String modelId, Integer version, String comment, CurrentUser user) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new FlowableIllegalArgumentException("The version comment is longer than " + MAX_COMMENT + " characters.");
        }
        DesignModel model = models.model(modelId);
        ModelVersion saved = version == null ? models.latest(modelId) : models.version(modelId, version);
        List<Problem> problems = validator.validate(saved.xml());
        if (ModelValidator.hasErrors(problems)) {
            throw new InvalidModelException(problems);
        }
        byte[] xml = saved.xml().getBytes(StandardCharsets.UTF_8);
        String resourceName = model.processKey() + ".bpmn20.xml";
        List<String> codeRunning = deployments.codeRunningElements(resourceName, xml);
        if (!codeRunning.isEmpty() && !user.isAdmin()) {
            throw new AccessDeniedException("only admins deploy models that run their own code");
        }
        var deployed = deployments.deploy(resourceName, xml, model.name() + " (studio v" + saved.version() + ")");
        store.recordDeployment(modelId, saved.version(), deployed.deploymentId(), deployed.processDefinitionId(), deployed.version(),
                blankToNull(comment), user.id());
        return new Deployed(modelId, saved.version(), deployed.deploymentId(), deployed.processDefinitionId(), deployed.key(),
                deployed.version(), problems);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
