package io.opsflow.engine.jobs;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.job.api.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter jobs of the engine: listing them and moving them back to the executable jobs, where
 * the job executor of any node picks them up again. A retry of several jobs is one transaction: all
 * move or none does. Every retry is written to the audit log after it committed.
 */
@Component
class DeadLetterJobs {

    /** Tries a retried job gets, like a new one. */
    static final int RETRIES = 3;

    static final int MAX_IDS = 500;

    private static final Logger audit = LoggerFactory.getLogger("io.opsflow.audit");

    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final TransactionTemplate transaction;

    DeadLetterJobs(ManagementService managementService, RepositoryService repositoryService, PlatformTransactionManager transactions) {
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.transaction = new TransactionTemplate(transactions);
    }

    long count() {
        return managementService.createDeadLetterJobQuery().count();
    }

    DeadLetterPage list(int page, int size) {
        int first = Math.max(0, page) * size;
        List<Job> jobs = managementService.createDeadLetterJobQuery()
                .orderByJobCreateTime().desc()
                .orderByJobId().asc()
                .listPage(first, size);
        return new DeadLetterPage(views(jobs), count(), Math.max(0, page), size);
    }

    Optional<DeadLetterJob> find(String id) {
        Job job = managementService.createDeadLetterJobQuery().jobId(id).singleResult();
        return job == null ? Optional.empty() : Optional.of(views(List.of(job)).get(0));
    }

    /** The full stack trace the engine stored for a dead-letter job; for admins only. */
    Optional<String> stackTrace(String id) {
        if (managementService.createDeadLetterJobQuery().jobId(id).count() == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(managementService.getDeadLetterJobExceptionStacktrace(id));
    }

    /** Those of the ids that are not (or no longer) dead-letter jobs. */
    Set<String> missing(Collection<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        managementService.createDeadLetterJobQuery().jobIds(wanted).list().forEach(job -> wanted.remove(job.getId()));
        return wanted;
    }

    /**
     * Moves the jobs back to the executable jobs with {@link #RETRIES} tries each, all or none.
     *
     * @return how many jobs moved
     * @throws UnknownDeadLetterJobException if one of the ids is not a dead-letter job; none moved then
     */
    int retry(Collection<String> ids, String admin) {
        Set<String> unique = new LinkedHashSet<>(ids);
        if (unique.isEmpty() || unique.size() > MAX_IDS) {
            throw new IllegalArgumentException("Give between 1 and " + MAX_IDS + " dead-letter job ids to retry.");
        }
        List<Job> moved = transaction.execute(status -> {
            List<Job> jobs = managementService.createDeadLetterJobQuery().jobIds(unique).list();
            if (jobs.size() != unique.size()) {
                Set<String> missing = new LinkedHashSet<>(unique);
                jobs.forEach(job -> missing.remove(job.getId()));
                throw new UnknownDeadLetterJobException(missing);
            }
            jobs.forEach(job -> managementService.moveDeadLetterJobToExecutableJob(job.getId(), RETRIES));
            return jobs;
        });
        moved.forEach(job -> audit.info("admin {} retried dead-letter job {} of process instance {} at {} with {} tries",
                admin, job.getId(), job.getProcessInstanceId(), job.getElementId(), RETRIES));
        return moved.size();
    }

    private List<DeadLetterJob> views(List<Job> jobs) {
        Set<String> definitionIds = jobs.stream()
                .map(Job::getProcessDefinitionId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, ProcessDefinition> definitions = definitionIds.isEmpty()
                ? Map.of()
                : repositoryService.createProcessDefinitionQuery().processDefinitionIds(definitionIds).list().stream()
                        .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
        // Map.of() refuses get(null): jobs of no process (a batch migration's status job) have no definition id.
        return jobs.stream()
                .map(job -> view(job, job.getProcessDefinitionId() == null ? null : definitions.get(job.getProcessDefinitionId())))
                .toList();
    }

    private static DeadLetterJob view(Job job, ProcessDefinition definition) {
        return new DeadLetterJob(
                job.getId(),
                job.getProcessDefinitionId(),
                definitionName(job, definition),
                job.getProcessInstanceId(),
                job.getElementId(),
                job.getElementName(),
                DeadLetterJob.firstLine(job.getExceptionMessage()),
                job.getCreateTime() == null ? null : job.getCreateTime().toInstant(),
                job.getRetries(),
                job.getJobType());
    }

    private static String definitionName(Job job, ProcessDefinition definition) {
        if (definition == null) {
            // Engine jobs of no process (a batch migration's status job, say) are named by their handler.
            return job.getProcessDefinitionId() != null ? job.getProcessDefinitionId()
                    : "no process (" + (job.getJobHandlerType() == null ? "engine job" : job.getJobHandlerType()) + ")";
        }
        String keyAndVersion = definition.getKey() + " v" + definition.getVersion();
        return definition.getName() == null || definition.getName().isBlank()
                ? keyAndVersion
                : definition.getName() + " (" + keyAndVersion + ")";
    }
}
