package io.opsflow.design.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowable.batch.api.Batch;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessMigrationService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.migration.ActivityMigrationMapping;
import org.flowable.engine.migration.ProcessInstanceBatchMigrationPartResult;
import org.flowable.engine.migration.ProcessInstanceBatchMigrationResult;
import org.flowable.engine.migration.ProcessInstanceMigrationBuilder;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.Execution;
import org.springframework.stereotype.Component;

/**
 * Moves the running instances of one version of a process key to another with Flowable's batch
 * migration: a preview first (what moves where, Flowable's validator), a start only without blocking
 * problems, and the batch's progress from its parts.
 */
@Component
public class InstanceMigrations {

    static final int SAMPLE = 50;
    static final int MAX_FAILURES = 100;
    private static final Pattern INSTANCE_ID = Pattern.compile("(?i)process instance\\s*\\(id\\s*:\\s*'[^']*'\\)");

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ProcessMigrationService migrationService;
    private final ManagementService managementService;

    InstanceMigrations(RepositoryService repositoryService, RuntimeService runtimeService, ProcessMigrationService migrationService,
            ManagementService managementService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.migrationService = migrationService;
        this.managementService = managementService;
    }

    public MigrationViews.Preview preview(String processKey, MigrationViews.Request request) {
        return preview(processKey, request, versions(processKey, request));
    }

    /** Starts the batch, or refuses with the preview when it has blocking problems. */
    public MigrationViews.Started start(String processKey, MigrationViews.Request request) {
        Versions versions = versions(processKey, request);
        MigrationViews.Preview preview = preview(processKey, request, versions);
        if (preview.blocking()) {
            throw new BlockedMigrationException(preview);
        }
        if (preview.instances() == 0) {
            throw new FlowableIllegalArgumentException("No instances run on v" + versions.from().getVersion() + "; nothing to migrate.");
        }
        Batch batch = builder(versions.to(), request.mappings()).batchMigrateProcessInstances(versions.from().getId());
        return new MigrationViews.Started(batch.getId(), preview.instances(), preview);
    }

    /** Progress of a batch of this key; 404 for batches that are no migration of this key. */
    public MigrationViews.Progress progress(String processKey, String batchId) {
        requireKey(processKey);
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        ProcessDefinition source = batch == null || !Batch.PROCESS_MIGRATION_TYPE.equals(batch.getBatchType()) || batch.getBatchSearchKey() == null
                ? null
                : repositoryService.createProcessDefinitionQuery().processDefinitionId(batch.getBatchSearchKey()).singleResult();
        if (source == null || !processKey.equals(source.getKey())) {
            throw new FlowableObjectNotFoundException("no migration batch " + batchId + " of " + processKey);
        }
        ProcessDefinition target = batch.getBatchSearchKey2() == null ? null
                : repositoryService.createProcessDefinitionQuery().processDefinitionId(batch.getBatchSearchKey2()).singleResult();
        ProcessInstanceBatchMigrationResult result = migrationService.getResultsOfBatchProcessInstanceMigration(batchId);
        List<ProcessInstanceBatchMigrationPartResult> all = result == null ? List.of() : result.getAllMigrationParts();
        long migrated = result == null ? 0 : result.getSuccessfulMigrationParts().size();
        List<ProcessInstanceBatchMigrationPartResult> failedParts = result == null ? List.of() : result.getFailedMigrationParts();
        long waiting = all.size() - migrated - failedParts.size();
        List<MigrationViews.Failure> failures = failedParts.stream()
                .limit(MAX_FAILURES)
                .map(part -> new MigrationViews.Failure(part.getProcessInstanceId(), firstLine(part.getMigrationMessage())))
                .toList();
        return new MigrationViews.Progress(batchId, processKey, source.getVersion(), target == null ? null : target.getVersion(), all.size(),
                migrated, failedParts.size(), waiting, waiting == 0, failures);
    }

    private MigrationViews.Preview preview(String processKey, MigrationViews.Request request, Versions versions) {
        Map<String, Set<String>> instancesPerActivity = waitingInstances(versions.from().getId());
        Map<String, Long> waiting = new TreeMap<>();
        instancesPerActivity.forEach((activity, instances) -> waiting.put(activity, (long) instances.size()));
        Map<String, String> target = nodes(versions.to());
        List<MigrationPlan.Move> moves = MigrationPlan.plan(waiting, nodes(versions.from()), target, request.mappings(),
                versions.to().getVersion());
        Set<String> cannot = new LinkedHashSet<>();
        moves.stream().filter(MigrationPlan.Move::blocked).forEach(move -> cannot.addAll(instancesPerActivity.get(move.from())));
        long total = runtimeService.createProcessInstanceQuery().processDefinitionId(versions.from().getId()).count();
        List<MigrationViews.ValidatorMessage> validator = total == 0 ? List.of()
                : validatorMessages(builder(versions.to(), request.mappings())
                        .validateMigrationOfProcessInstances(versions.from().getId()).getValidationMessages());
        return new MigrationViews.Preview(processKey, versions.from().getVersion(), versions.to().getVersion(), total, moves, validator,
                cannot.size(), cannot.stream().limit(SAMPLE).toList(), !cannot.isEmpty() || !validator.isEmpty(),
                target.entrySet().stream().map(node -> new MigrationViews.Activity(node.getKey(), node.getValue())).toList());
    }

    private ProcessInstanceMigrationBuilder builder(ProcessDefinition to, List<MigrationPlan.Mapping> mappings) {
        ProcessInstanceMigrationBuilder builder = migrationService.createProcessInstanceMigrationBuilder().migrateToProcessDefinition(to.getId());
        if (mappings != null) {
            mappings.forEach(m -> builder.addActivityMigrationMapping(ActivityMigrationMapping.createMappingFor(m.from(), m.to())));
        }
        return builder;
    }

    /** Active activity id to the instances waiting there (child executions carry the activity). */
    private Map<String, Set<String>> waitingInstances(String definitionId) {
        Map<String, Set<String>> perActivity = new TreeMap<>();
        for (Execution execution : runtimeService.createExecutionQuery().processDefinitionId(definitionId).list()) {
            if (execution.getActivityId() != null && execution.getParentId() != null) {
                perActivity.computeIfAbsent(execution.getActivityId(), id -> new LinkedHashSet<>()).add(execution.getProcessInstanceId());
            }
        }
        return perActivity;
    }

    private Map<String, String> nodes(ProcessDefinition definition) {
        Map<String, String> nodes = new LinkedHashMap<>();
        var model = repositoryService.getBpmnModel(definition.getId());
        model.getProcesses().forEach(process -> process.findFlowElementsOfType(FlowNode.class, true)
                .forEach(node -> nodes.put(node.getId(), node.getName())));
        return nodes;
    }

    /** Flowable names each instance in its messages; the same message for 100 instances is shown once with the count. */
    static List<MigrationViews.ValidatorMessage> validatorMessages(List<String> messages) {
        Map<String, Long> counted = messages.stream()
                .map(message -> INSTANCE_ID.matcher(message).replaceAll("An instance"))
                .collect(Collectors.groupingBy(message -> message, LinkedHashMap::new, Collectors.counting()));
        List<MigrationViews.ValidatorMessage> result = new ArrayList<>();
        counted.forEach((message, count) -> result.add(new MigrationViews.ValidatorMessage(message, count)));
        result.sort(Comparator.comparing(MigrationViews.ValidatorMessage::instances).reversed());
        return result;
    }

    private Versions versions(String processKey, MigrationViews.Request request) {
        requireKey(processKey);
        if (request == null || request.fromVersion() == null || request.toVersion() == null) {
            throw new FlowableIllegalArgumentException("Send 'fromVersion' and 'toVersion' (deployed version numbers of " + processKey + ").");
        }
        if (request.fromVersion().equals(request.toVersion())) {
            throw new FlowableIllegalArgumentException("'fromVersion' and 'toVersion' are the same; pick two different versions.");
        }
        return new Versions(version(processKey, request.fromVersion()), version(processKey, request.toVersion()));
    }

    private ProcessDefinition version(String processKey, int version) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new FlowableIllegalArgumentException(processKey + " has no deployed version " + version + ".");
        }
        return definition;
    }

    private void requireKey(String processKey) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count() == 0) {
            throw new FlowableObjectNotFoundException("no process definition " + processKey);
        }
    }

    private static String firstLine(String message) {
        return message == null || message.isBlank() ? "failed without a message" : message.strip().lines().findFirst().orElse("");
    }

    private record Versions(ProcessDefinition from, ProcessDefinition to) {}
}
