package io.opsflow.design.deploy;

import io.opsflow.design.model.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The deployed versions of a process key (from the studio or from {@code processes/}) with how many
 * instances run on each, and the running instances with the version each is on.
 */
@Component
public class DefinitionVersions {

    static final int MAX_INSTANCES = 500;

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ModelStore store;

    DefinitionVersions(RepositoryService repositoryService, RuntimeService runtimeService, ModelStore store) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.store = store;
    }

    /** One deployed version; the studio fields are null when it was not deployed from the studio. */
    public record DefinitionVersion(String processDefinitionId, int version, String deploymentId, Instant deployedAt,
            long runningInstances, Integer modelVersion, String comment, String deployedBy) {}

    /** A running instance and the definition version it runs on. */
    public record RunningInstance(String processInstanceId, String businessKey, String processDefinitionId, int version,
            Instant startedAt, String startedBy) {}

    /** Newest first. */
    public List<DefinitionVersion> versions(String processKey) {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion()
                .desc()
                .list();
        if (definitions.isEmpty()) {
            return List.of();
        }
        Map<String, Deployment> deployments = repositoryService.createDeploymentQuery()
                .deploymentIds(definitions.stream().map(ProcessDefinition::getDeploymentId).distinct().toList())
                .list()
                .stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        return definitions.stream().map(definition -> {
            var studio = store.deploymentOf(definition.getId());
            Deployment deployment = deployments.get(definition.getDeploymentId());
            return new DefinitionVersion(definition.getId(), definition.getVersion(), definition.getDeploymentId(),
                    deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
                    runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count(),
                    studio.map(ModelStore.StudioDeployment::modelVersion).orElse(null),
                    studio.map(ModelStore.StudioDeployment::comment).orElse(null),
                    studio.map(ModelStore.StudioDeployment::deployedBy).orElse(null));
        }).toList();
    }

    /** A deployed version, or the latest when {@code version} is null; unknown ones throw {@link UnknownDefinitionException}. */
    public ProcessDefinition definition(String processKey, Integer version) {
        var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey);
        ProcessDefinition definition = version == null ? query.latestVersion().singleResult() : query.processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new UnknownDefinitionException(processKey);
        }
        return definition;
    }

    /** The BPMN XML of a deployed version, exactly as deployed. */
    public String xml(String processKey, int version) {
        ProcessDefinition definition = definition(processKey, version);
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Oldest first, at most {@value #MAX_INSTANCES}. */
    public List<RunningInstance> runningInstances(String processKey) {
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .orderByStartTime()
                .asc()
                .listPage(0, MAX_INSTANCES);
        return instances.stream()
                .map(instance -> new RunningInstance(instance.getId(), instance.getBusinessKey(), instance.getProcessDefinitionId(),
                        instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                        instance.getStartTime() == null ? null : instance.getStartTime().toInstant(), instance.getStartUserId()))
                .toList();
    }
}

