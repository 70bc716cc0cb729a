package io.opsflow.tasklist.task;

import io.opsflow.tasklist.ProcessDiagrams;
import java.util.Set;
import org.flowable.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** {@link ProcessDiagrams} by {@link DiagramSvg}, the drawing the task list's instance page uses. */
@Component
class DiagramRenderer implements ProcessDiagrams {

    private final RepositoryService repositoryService;

    DiagramRenderer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public String svg(String processDefinitionId, Set<String> active, Set<String> completed) {
        return DiagramSvg.render(repositoryService.getBpmnModel(processDefinitionId), Set.copyOf(active), Set.copyOf(completed));
    }
}
