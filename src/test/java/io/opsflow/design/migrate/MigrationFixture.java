package io.opsflow.design.migrate;

import io.opsflow.platform.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.batch.api.BatchPart;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;

/**
 * A process key of its own with v1 (start, user task {@code review}, end) and v2 where the task is
 * renamed {@code check}; instances wait on v1 at {@code review}. The task is assigned to nobody real, so
 * no task list of another test sees it. Tests run the batches' jobs themselves
 * (the async executor is off in tests); clean-up removes the deployments.
 */
class MigrationFixture {

    static final String OWNER = "nobody-migrate-fixture";

    final String key = TestUsers.uniqueId("migrate").toLowerCase().replaceAll("[^a-z0-9-]", "-");
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final List<String> deployments = new java.util.ArrayList<>();

    MigrationFixture(RepositoryService repositoryService, RuntimeService runtimeService, ManagementService managementService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    ProcessDefinition deploy(String taskId, String taskName) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             targetNamespace="http://opsflow.io/test">
                  <process id="%1$s" name="Migration test" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="%2$s"/>
                    <userTask id="%2$s" name="%3$s" flowable:assignee="%4$s"/>
                    <sequenceFlow id="f2" sourceRef="%2$s" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key, taskId, taskName, OWNER);
        Deployment deployment = repositoryService.createDeployment().name(key).addString(key + ".bpmn20.xml", xml).deploy();
        deployments.add(deployment.getId());
        return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
    }

    List<String> start(ProcessDefinition definition, int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> runtimeService.startProcessInstanceById(definition.getId(), key + "-" + n, Map.of("n", n)).getId())
                .toList();
    }

    /**
     * Runs a batch the way the async executor would (it is off in tests): every part's migration job,
     * then the status job, which marks the batch completed and does not come back, so no timer is left.
     */
    void runBatch(String batchId) {
        Set<String> parts = managementService.findBatchPartsByBatchId(batchId).stream().map(BatchPart::getId).collect(Collectors.toSet());
        managementService.createJobQuery().list().stream()
                .filter(job -> "process-migration".equals(job.getJobHandlerType()) && mentions(job.getJobHandlerConfiguration(), parts))
                .forEach(job -> managementService.executeJob(job.getId()));
        managementService.createTimerJobQuery().handlerType("process-migration-status").list().stream()
                .filter(job -> mentions(job.getJobHandlerConfiguration(), Set.of(batchId)))
                .forEach(job -> managementService.executeJob(managementService.moveTimerToExecutableJob(job.getId()).getId()));
    }

    /** Runs what is left of this key's batches (a test that failed half-way), then removes the instances and deployments. */
    void cleanUp() {
        managementService.createBatchQuery().list().stream()
                .filter(batch -> batch.getBatchSearchKey() != null && batch.getBatchSearchKey().startsWith(key + ":"))
                .forEach(batch -> runBatch(batch.getId()));
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    private static boolean mentions(String configuration, Set<String> ids) {
        return configuration != null && ids.stream().anyMatch(configuration::contains);
    }
}
