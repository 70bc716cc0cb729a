package io.opsflow.design.dryrun;

import io.opsflow.design.deploy.DefinitionVersions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.idm.api.User;
import org.springframework.stereotype.Component;

/** A dry run of a deployed definition: reads its model and the IDM, writes nothing and starts nothing. */
@Component
public class DryRuns {

    static final int MAX_VARIABLES = 100;
    static final int MAX_GROUP_MEMBERS = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

    private final DefinitionVersions definitions;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final SandboxedExpressions expressions = new SandboxedExpressions();

    DryRuns(DefinitionVersions definitions, RepositoryService repositoryService, IdentityService identityService) {
        this.definitions = definitions;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    public record Result(String processKey, int version, String processDefinitionId, List<PathWalker.Step> steps, boolean completed,
            String stoppedBecause) {}

    /** {@code boundary} maps an activity id to the interrupting boundary event the walk takes there instead of the normal flow. */
    public Result run(String processKey, Integer version, Map<String, Object> variables, Map<String, String> boundary) {
        Map<String, Object> sample = variables == null ? Map.of() : variables;
        Map<String, String> choices = boundary == null ? Map.of() : boundary;
        check(sample);
        if (choices.size() > MAX_VARIABLES) {
            throw new FlowableIllegalArgumentException("At most " + MAX_VARIABLES + " boundary choices.");
        }
        ProcessDefinition definition = definitions.definition(processKey, version);
        var walker = new PathWalker(expressions.over(sample), this::members);
        PathWalker.Path path;
        try {
            path = walker.walk(repositoryService.getBpmnModel(definition.getId()).getMainProcess(), choices);
        } catch (IllegalArgumentException badChoice) {
            throw new FlowableIllegalArgumentException(badChoice.getMessage());
        }
        return new Result(definition.getKey(), definition.getVersion(), definition.getId(), path.steps(), path.completed(),
                path.stoppedBecause());
    }

    static void check(Map<String, Object> variables) {
        if (variables.size() > MAX_VARIABLES) {
            throw new FlowableIllegalArgumentException("At most " + MAX_VARIABLES + " sample variables.");
        }
        variables.keySet().stream().filter(name -> name == null || !NAME.matcher(name).matches()).findFirst().ifPresent(name -> {
            throw new FlowableIllegalArgumentException("'" + name + "' is no variable name: letters, digits and _ only, not starting with a digit.");
        });
    }

    private List<String> members(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, MAX_GROUP_MEMBERS).stream()
                .map(User::getId)
                .toList();
    }
}
