package io.opsflow.engine.jobs;

import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;

/** Dead-letter jobs made the way production makes them: an async step fails on its last try. */
final class FailingJobs {

    static final String PROCESS_KEY = "failing-step";
    static final String ACTIVITY = "Task_AlwaysFails";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    FailingJobs(RepositoryService repositoryService, RuntimeService runtimeService, ManagementService managementService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
            repositoryService.createDeployment()
                    .name("failing-step (test)")
                    .addClasspathResource("jobs/failing-step.bpmn20.xml")
                    .enableDuplicateFiltering()
                    .deploy();
        }
    }

    /** Deletes every instance of the failing process with its jobs, so tests leave no dead letters behind. */
    void cleanUp() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test clean-up"));
    }

    /** Starts an instance and runs its job on its last try, so it lands in the dead-letter table. */
    Job deadLetter() {
        String instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of("reason", "not a method target")).getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
        managementService.setJobRetries(job.getId(), 1);
        try {
            managementService.executeJob(job.getId());
            throw new AssertionError("the failing step succeeded");
        } catch (RuntimeException expected) {
            // The engine records the failure on the job; with no tries left it becomes a dead letter.
        }
        Job deadLetter = managementService.createDeadLetterJobQuery().processInstanceId(instance).singleResult();
        if (deadLetter == null) {
            throw new AssertionError("no dead-letter job for instance " + instance);
        }
        return deadLetter;
    }
}
