package io.opsflow.engine;

import io.opsflow.engine.rest.BpmnShapeCheck;
import io.opsflow.engine.rest.CodeRunningModelCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The engine's door for BPMN that people edit in Opsflow (the design studio): the same refusals as
 * deployments through {@code /process-api} (DOCTYPE and entities, files too deep or too large, code
 * chosen by the author) and a deployment of one BPMN resource.
 */
@Component
public class BpmnDeployments {

    private final RepositoryService repositoryService;
    private final CodeRunningModelCheck codeRunningModelCheck;

    BpmnDeployments(RepositoryService repositoryService, CodeRunningModelCheck codeRunningModelCheck) {
        this.repositoryService = repositoryService;
        this.codeRunningModelCheck = codeRunningModelCheck;
    }

    /** A deployed process definition. */
    public record DeployedDefinition(String deploymentId, String processDefinitionId, String key, int version) {}

    /**
     * Refuses, with a 400-mapped generic message, XML that is not safe to parse further: a DOCTYPE or
     * entity declaration, nesting deeper than the engine's limit, more than {@code maxElements}
     * elements, a huge attribute, or no well-formed XML at all.
     */
    public static void rejectUnsafe(byte[] xml, int maxElements) {
        String head = new String(xml, 0, Math.min(xml.length, 4096), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw new FlowableIllegalArgumentException("Invalid BPMN: DOCTYPE and entity declarations are not allowed.");
        }
        BpmnShapeCheck.check(xml, maxElements);
    }

    /**
     * What in the file runs code its author chose (script tasks, {@code flowable:class}, expressions,
     * delegate expressions not naming an Opsflow bean): only admins may deploy those. Also 400 when the
     * file fails the BPMN schema or the engine's validation.
     */
    public List<String> codeRunningElements(String resourceName, byte[] xml) {
        return codeRunningModelCheck.findCodeRunningElements(Map.of(resourceName, xml));
    }

    /** Deploys one BPMN file as its own deployment and returns the definition it created. */
    public DeployedDefinition deploy(String resourceName, byte[] xml, String deploymentName) {
        Deployment deployment = repositoryService.createDeployment()
                .name(deploymentName)
                .category("opsflow-studio")
                .addBytes(resourceName, xml)
                .deploy();
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
                .deploymentId(deployment.getId())
                .orderByProcessDefinitionKey()
                .asc()
                .list();
        ProcessDefinition definition = definitions.isEmpty() ? null : definitions.get(0);
        if (definition == null) {
            throw new FlowableIllegalArgumentException("Invalid BPMN: the file defines no executable process.");
        }
        return new DeployedDefinition(deployment.getId(), definition.getId(), definition.getKey(), definition.getVersion());
    }
}
