package io.opsflow.approval.definition;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.model.ModelJson;
import io.opsflow.approval.model.SimpleModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The simple model behind a process key (a published approval's latest version, or the shipped generic one), and
 * behind one process definition (the version an instance runs).
 */
@Component
public class ApprovalModels {

    static final String SHIPPED_MODEL = "processes/approval.simple.json";

    private final ApprovalDefinitions definitions;
    private final RepositoryService repositoryService;

    ApprovalModels(ApprovalDefinitions definitions, RepositoryService repositoryService) {
        this.definitions = definitions;
        this.repositoryService = repositoryService;
    }

    /** By process key ({@code approval}, {@code approval-leave}) or by code ({@code leave}). */
    public SimpleModel latest(String keyOrCode) {
        if (ApprovalConventions.SHIPPED_KEY.equals(keyOrCode)) {
            return shipped();
        }
        String code = keyOrCode.startsWith(ApprovalConventions.KEY_PREFIX)
                ? keyOrCode.substring(ApprovalConventions.KEY_PREFIX.length())
                : keyOrCode;
        return definitions.publishedModel(code, null);
    }

    /**
     * The model of the version an instance of this definition runs: the one published beside its BPMN, or for the
     * shipped {@code approval} the shipped model (its deployment holds the BPMN only); empty for hand-written BPMN.
     */
    public Optional<SimpleModel> running(String processDefinitionId) {
        ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
        if (ApprovalConventions.SHIPPED_KEY.equals(definition.getKey())) {
            return Optional.of(shipped());
        }
        return published(definition);
    }

    /** The model published beside the BPMN ({@code <key>.simple.json} in the same deployment), if there is one. */
    public Optional<SimpleModel> published(ProcessDefinition definition) {
        String name = definition.getKey() + ".simple.json";
        if (!repositoryService.getDeploymentResourceNames(definition.getDeploymentId()).contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), name)) {
            return Optional.of(ModelJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SimpleModel shipped() {
        try (InputStream in = new ClassPathResource(SHIPPED_MODEL).getInputStream()) {
            return ModelJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(SHIPPED_MODEL + " cannot be read", e);
        }
    }
}
