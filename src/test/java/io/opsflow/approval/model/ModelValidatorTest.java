package io.opsflow.approval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.approval.model.ApproverNode.Assignee;
import io.opsflow.approval.model.ApproverNode.EmptyAction;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.approval.model.ApproverNode.Permission;
import io.opsflow.approval.model.ApproverNode.TimeoutAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

    static final Directory DIRECTORY = new Directory() {
        @Override
        public boolean userExists(String userId) {
            return Set.of("sam", "lily", "admin").contains(userId);
        }

        @Override
        public boolean groupExists(String groupId) {
            return Set.of("admin", "staff").contains(groupId);
        }
    };
    final ModelValidator validator = new ModelValidator(DIRECTORY);
    static final FormFieldSpec AMOUNT = FormFieldSpec.of("amount", "Amount", "number");

    static SimpleModel model(Node... nodes) {
        return new SimpleModel("buy", "Buy", null, new ApprovalForm(List.of(AMOUNT)), List.of(nodes));
    }

    static ApproverNode approver(String id) {
        return ApproverNode.of(id, id, Assignee.users("sam"), Method.SEQUENTIAL);
    }

    @Test
    void aValidModelHasNoProblems() {
        assertThat(validator.problems(model(approver("a")))).isEmpty();
    }

    @Test
    void conditionOnAMissingFieldNamesNodeAndField() {
        var condition = new ConditionNode("big", "Big", List.of(new Branch("b", List.of(new Condition("price", Operator.GT, "1")),
                List.of(approver("x")))), new Branch("d", List.of(), List.of()));
        assertThat(validator.problems(model(approver("a"), condition)))
                .containsExactly("node 'big' branch 1 'b': condition on missing form field 'price'");
    }

    @Test
    void everySettingIsChecked() {
        var bad = new ApproverNode("a", "A", new Assignee(ApproverNode.AssigneeKind.USERS, List.of("ghost"), null, null, null, null),
                Method.RATIO, null, new ApproverNode.WhenEmpty(EmptyAction.TO_USER, "nobody"), null, false,
                new ApproverNode.Timeout(0, 0, TimeoutAction.NONE), false, Map.of("missing", Permission.READ));
        List<String> problems = validator.problems(model(bad, ApproverNode.of("g", "G", Assignee.group("ghosts"), Method.ANY),
                new CcNode("c", "C", List.of(), List.of(), null), new ParallelNode("p", "P", List.of())));
        assertThat(problems).anyMatch(p -> p.contains("unknown user 'ghost'"))
                .anyMatch(p -> p.contains("ratio must be"))
                .anyMatch(p -> p.contains("whenEmpty.user names unknown user 'nobody'"))
                .anyMatch(p -> p.contains("remindEveryHours"))
                .anyMatch(p -> p.contains("needs reminders or an automatic decision"))
                .anyMatch(p -> p.contains("missing form field 'missing'"))
                .anyMatch(p -> p.contains("unknown group 'ghosts'"))
                .anyMatch(p -> p.contains("CC node needs"))
                .anyMatch(p -> p.contains("at least two branches"));
    }

    @Test
    void idsValuesAndOperatorsAreChecked() {
        var condition = new ConditionNode("c1", "C", List.of(new Branch("b", List.of(new Condition("amount", Operator.GT, "1e")),
                List.of())), new Branch("d", List.of(), List.of()));
        List<String> problems = validator.problems(model(approver("x y"), approver("dup"), approver("dup"), approver("a_resolve"),
                condition));
        assertThat(problems).anyMatch(p -> p.contains("node id 'x y'"))
                .anyMatch(p -> p.contains("'dup' is used twice"))
                .anyMatch(p -> p.contains("generated suffix"))
                .anyMatch(p -> p.contains("must be a number"));
    }

    @Test
    void unknownKeysAndTypesAreRefusedWhenReading() {
        assertThatThrownBy(() -> ModelJson.read("{\"code\":\"x\",\"requried\":true}")).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("unknown key 'requried'");
        assertThatThrownBy(() -> ModelJson.read("{\"code\":\"x\",\"nodes\":[{\"type\":\"script\",\"id\":\"a\"}]}"))
                .hasMessageContaining("unknown node type 'script'");
    }

    @Test
    void modelsSurviveAJsonRoundTrip() {
        SimpleModel model = model(approver("a").withTimeout(2, 1, TimeoutAction.AUTO_REJECT).withCommentRequired(true));
        assertThat(ModelJson.read(ModelJson.write(model))).isEqualTo(model);
    }

    @Test
    void conditionLiteralsAreEscapedAndTyped() {
        var form = new ApprovalForm(List.of(AMOUNT, FormFieldSpec.of("kind", "Kind", "text"), FormFieldSpec.of("urgent", "U", "checkbox")));
        assertThat(ConditionExpressions.of(List.of(new Condition("amount", Operator.GE, " 10.50"),
                new Condition("kind", Operator.EQ, "a'b\\c ${x}"), new Condition("urgent", Operator.EQ, "true")), form))
                .isEqualTo("${(execution.getVariable('amount') >= 10.50) && (execution.getVariable('kind') == 'a\\'b\\\\c ${x}')"
                        + " && (execution.getVariable('urgent') == true)}");
        assertThat(ConditionEvaluator.holds(List.of(new Condition("amount", Operator.GT, "3")), form, Map.of("amount", 4))).isTrue();
        assertThat(ConditionEvaluator.holds(List.of(new Condition("amount", Operator.GT, "3")), form, Map.of())).isFalse();
    }
}
