package io.opsflow.tasklist.task;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** Key and display name of a definition id, from the engine's deployment cache. */
@Component
class ProcessDefinitionNames {

    private final RepositoryService repositoryService;

    ProcessDefinitionNames(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    ProcessDefinition of(String processDefinitionId) {
        return repositoryService.getProcessDefinition(processDefinitionId);
    }

    static String displayName(ProcessDefinition definition) {
        return definition.getName() == null || definition.getName().isBlank() ? definition.getKey() : definition.getName();
    }
}
