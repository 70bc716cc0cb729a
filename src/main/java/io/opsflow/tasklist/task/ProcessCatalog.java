package io.opsflow.tasklist.task;

import io.opsflow.engine.ProcessAccess;
import io.opsflow.platform.CurrentUser;
import java.util.List;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The latest version of each deployed process: for filters, and those a person may start. */
@Component
public class ProcessCatalog {

    private final RepositoryService repositoryService;
    private final ProcessAccess access;

    ProcessCatalog(RepositoryService repositoryService, ProcessAccess access) {
        this.repositoryService = repositoryService;
        this.access = access;
    }

    public List<ProcessView> all() {
        return latest().stream().map(this::toView).toList();
    }

    public List<ProcessView> startable(CurrentUser user) {
        return latest().stream().filter(d -> access.canStart(user, d)).map(this::toView).toList();
    }

    ProcessDefinition startableDefinition(CurrentUser user, String key) {
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().active().singleResult();
        if (definition == null || !access.canStart(user, definition)) {
            throw new TaskNotFoundException("Process");
        }
        return definition;
    }

    ProcessView toView(ProcessDefinition definition) {
        return new ProcessView(definition.getKey(), ProcessDefinitionNames.displayName(definition), definition.getDescription(),
                startFormKey(definition));
    }

    private String startFormKey(ProcessDefinition definition) {
        var initial = repositoryService.getBpmnModel(definition.getId()).getMainProcess().getInitialFlowElement();
        return initial instanceof StartEvent start ? start.getFormKey() : null;
    }

    private List<ProcessDefinition> latest() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().active().orderByProcessDefinitionName().asc().list();
    }
}
