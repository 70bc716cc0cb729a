package io.opsflow.design.lint;

import io.opsflow.design.model.BpmnFile;
import io.opsflow.design.model.ImportReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.springframework.stereotype.Component;

/**
 * Validates a model before it is saved or deployed: Flowable's own process validator (the checks the
 * engine runs at deployment) plus Opsflow's lint rules, and the Camunda attributes Flowable ignores.
 * Errors block a deploy; warnings do not.
 */
@Component
public class ModelValidator {

    static final String FLOWABLE_RULE_PREFIX = "flowable:";
    private static final ProcessValidator FLOWABLE = new ProcessValidatorFactory().createDefaultProcessValidator();

    private final List<LintRule> rules;
    private final java.util.function.Supplier<List<String>> formKeys;

    /** Form keys come from the task list's versioned form store (files of forms/ plus the designer's forms). */
    @org.springframework.beans.factory.annotation.Autowired
    ModelValidator(DelegateCatalog delegates, io.opsflow.tasklist.FormCatalog forms) {
        this(forms::keys, delegates::isOpsflowDelegate);
    }

    ModelValidator(Set<String> formKeys, java.util.function.Predicate<String> isDelegate) {
        this(() -> formKeys.stream().sorted().toList(), isDelegate);
    }

    private ModelValidator(java.util.function.Supplier<List<String>> formKeys, java.util.function.Predicate<String> isDelegate) {
        this.formKeys = formKeys;
        this.rules = List.of(new UnassignedUserTaskRule(), new UnknownFormKeyRule(() -> Set.copyOf(formKeys.get())),
                new UnknownDelegateRule(isDelegate), new TimerSyntaxRule(), new GatewayDefaultFlowRule(), new UnreachableNodeRule(),
                new DiagramInterchangeRule());
    }

    /** Form keys designers may pick: every form in the store, sorted. */
    public List<String> formKeys() {
        return formKeys.get();
    }

    /** Every problem of the XML, errors first; a 400 when the XML is not safe or not BPMN at all. */
    public List<Problem> validate(String xml) {
        BpmnModel model = BpmnFile.parse(xml);
        List<Problem> problems = new ArrayList<>();
        FLOWABLE.validate(model).forEach(error -> problems.add(new Problem(error.getActivityId(),
                FLOWABLE_RULE_PREFIX + error.getProblem(), error.getDefaultDescription(),
                error.isWarning() ? Problem.WARNING : Problem.ERROR)));
        rules.forEach(rule -> problems.addAll(rule.check(model)));
        ImportReport.of(xml).ignored().forEach(foreign ->
                problems.add(Problem.warning(foreign.elementId(), "foreign-attribute", foreign.message())));
        return problems.stream()
                .distinct()
                .sorted(Comparator.comparing((Problem p) -> p.isError() ? 0 : 1)
                        .thenComparing(p -> Objects.toString(p.elementId(), "")))
                .toList();
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}
