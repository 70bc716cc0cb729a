package io.opsflow.design.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.junit.jupiter.api.Test;

/** Each lint rule on a small model, and Flowable's validator beside them. */
class ModelValidatorTest {

    private final ModelValidator validator = new ModelValidator(Set.of("handle-request"), Set.of("sendMessage", "assignmentScorer")::contains);

    @Test
    void aCleanModelHasNoProblems() {
        assertThat(validate(START + "<userTask id=\"Task_A\" flowable:candidateGroups=\"staff\" flowable:formKey=\"handle-request\"/>"
                + flow("F1", "Start", "Task_A") + flow("F2", "Task_A", "End") + END)).isEmpty();
    }

    @Test
    void aUserTaskWithoutAssigneeOrCandidatesIsAnError() {
        assertThat(validate(START + "<userTask id=\"Task_A\"/>" + flow("F1", "Start", "Task_A") + flow("F2", "Task_A", "End") + END))
                .containsExactly(Problem.error("Task_A", "user-task-unassigned",
                        "Nobody gets this user task: set an assignee, candidate users or candidate groups."));
    }

    @Test
    void anUnknownFormKeyIsAnErrorButAnExpressionIsNot() {
        List<Problem> problems = validate(START
                + "<userTask id=\"Task_A\" flowable:assignee=\"lily\" flowable:formKey=\"no-such-form\"/>"
                + "<userTask id=\"Task_B\" flowable:assignee=\"lily\" flowable:formKey=\"${formName}\"/>"
                + flow("F1", "Start", "Task_A") + flow("F2", "Task_A", "Task_B") + flow("F3", "Task_B", "End") + END);
        assertThat(rules(problems)).containsExactly("Task_A form-key-unknown error");
    }

    @Test
    void anUnknownDelegateIsAnErrorAndCodeChosenByTheAuthorNeedsAnAdmin() {
        List<Problem> problems = validate(START
                + "<serviceTask id=\"Service_Known\" flowable:delegateExpression=\"${sendMessage}\"/>"
                + "<serviceTask id=\"Service_Unknown\" flowable:delegateExpression=\"${mailer}\"/>"
                + "<serviceTask id=\"Service_Class\" flowable:class=\"com.example.Thing\"/>"
                + "<serviceTask id=\"Service_Expression\" flowable:expression=\"${workOrderSteps.archived(execution)}\"/>"
                + flow("F1", "Start", "Service_Known") + flow("F2", "Service_Known", "Service_Unknown")
                + flow("F3", "Service_Unknown", "Service_Class") + flow("F4", "Service_Class", "Service_Expression")
                + flow("F5", "Service_Expression", "End") + END);
        assertThat(rules(problems)).containsExactly("Service_Unknown delegate-unknown error", "Service_Class code-needs-admin warning",
                "Service_Expression code-needs-admin warning");
    }

    @Test
    void timersMustBeIsoDatesDurationsRepeatsOrQuartzCron() {
        assertThat(TimerSyntaxRule.isDuration("PT4H")).isTrue();
        assertThat(TimerSyntaxRule.isDuration("P2D")).isTrue();
        assertThat(TimerSyntaxRule.isDuration("4 hours")).isFalse();
        assertThat(TimerSyntaxRule.isDate("2026-12-24T09:00:00Z")).isTrue();
        assertThat(TimerSyntaxRule.isDate("2026-12-24T09:00:00")).isTrue();
        assertThat(TimerSyntaxRule.isDate("24.12.2026")).isFalse();
        assertThat(TimerSyntaxRule.isCycle("R3/PT10M")).isTrue();
        assertThat(TimerSyntaxRule.isCycle("R/2026-01-01T08:00:00Z/P1D")).isTrue();
        assertThat(TimerSyntaxRule.isCycle("0 0 8 ? * MON-FRI")).isTrue();
        assertThat(TimerSyntaxRule.isCycle("0 8 * * *")).as("unix cron has no seconds field").isFalse();
        assertThat(TimerSyntaxRule.isCycle("R3/ten minutes")).isFalse();
        assertThat(TimerSyntaxRule.isCycle("${cycle}")).isTrue();

        List<Problem> problems = validate(START + "<userTask id=\"Task_A\" flowable:assignee=\"lily\"/>"
                + "<boundaryEvent id=\"Timer_Bad\" attachedToRef=\"Task_A\" cancelActivity=\"false\"><timerEventDefinition>"
                + "<timeDuration>4 hours</timeDuration></timerEventDefinition></boundaryEvent>"
                + flow("F1", "Start", "Task_A") + flow("F2", "Task_A", "End") + flow("F3", "Timer_Bad", "End") + END);
        assertThat(rules(problems)).containsExactly("Timer_Bad timer-syntax error");
    }

    @Test
    void aSplittingGatewayWithoutDefaultIsAWarning() {
        List<Problem> problems = validate(START + "<exclusiveGateway id=\"Gateway_Split\"/>"
                + flow("F1", "Start", "Gateway_Split") + conditional("F2", "Gateway_Split", "End", "${a}")
                + conditional("F3", "Gateway_Split", "End", "${!a}") + END);
        assertThat(rules(problems)).containsExactly("Gateway_Split gateway-no-default warning");
    }

    @Test
    void nodesNoPathReachesAreWarnings() {
        List<Problem> problems = validate(START + "<userTask id=\"Task_A\" flowable:assignee=\"lily\"/>"
                + "<userTask id=\"Task_Orphan\" flowable:assignee=\"lily\"/>"
                + flow("F1", "Start", "Task_A") + flow("F2", "Task_A", "End") + flow("F3", "Task_Orphan", "End") + END);
        assertThat(rules(problems)).containsExactly("Task_Orphan unreachable warning");
    }

    @Test
    void elementsWithoutDiagramShapesAreErrors() {
        String process = START + "<userTask id=\"Task_A\" flowable:assignee=\"lily\"/>" + flow("F1", "Start", "Task_A")
                + flow("F2", "Task_A", "End") + END;
        String withoutTaskShape = bpmn(process).replaceAll("<bpmndi:BPMNShape id=\"Shape_Task_A\".*?</bpmndi:BPMNShape>", "")
                .replaceAll("<bpmndi:BPMNEdge id=\"Edge_F2\".*?</bpmndi:BPMNEdge>", "");
        assertThat(rules(validator.validate(withoutTaskShape))).containsExactly("F2 diagram-missing error", "Task_A diagram-missing error");
    }

    @Test
    void flowablesOwnValidatorReportsWhatTheEngineWouldRefuse() {
        List<Problem> problems = validate(START + "<userTask id=\"Task_A\" flowable:assignee=\"lily\"/>"
                + flow("F1", "Start", "Task_A") + flow("F2", "Task_A", "Nowhere") + END);
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.rule()).startsWith("flowable:");
            assertThat(problem.severity()).isEqualTo(Problem.ERROR);
        });
    }

    @Test
    void camundaAttributesFlowableIgnoresAreWarnings() {
        List<Problem> problems = validate(START + "<userTask id=\"Task_A\" flowable:assignee=\"lily\" camunda:candidateGroups=\"staff\""
                + " camunda:jobPriority=\"5\"/>" + flow("F1", "Start", "Task_A") + flow("F2", "Task_A", "End") + END);
        assertThat(problems).containsExactly(Problem.warning("Task_A", "foreign-attribute",
                "Flowable ignores camunda:jobPriority: it has no effect here and is kept in the file only."));
    }

    @Test
    void hostileXmlIsRefusedBeforeAnyRuleRuns() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions>&x;</definitions>";
        assertThatThrownBy(() -> validator.validate(xxe)).isInstanceOf(FlowableIllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> validator.validate("<definitions><process")).isInstanceOf(FlowableIllegalArgumentException.class)
                .hasMessage("Invalid BPMN: the file is not well-formed BPMN 2.0 XML.");
    }

    private static final String START = "<startEvent id=\"Start\"/>";
    private static final String END = "<endEvent id=\"End\"/>";
    private static final Pattern ID = Pattern.compile("<(\\w+) id=\"([^\"]+)\"");

    private List<Problem> validate(String process) {
        return validator.validate(bpmn(process));
    }

    private static List<String> rules(List<Problem> problems) {
        return problems.stream().map(p -> p.elementId() + " " + p.rule() + " " + p.severity()).toList();
    }

    private static String flow(String id, String from, String to) {
        return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
    }

    private static String conditional(String id, String from, String to, String condition) {
        return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"><conditionExpression xsi:type=\"tFormalExpression\">"
                + condition + "</conditionExpression></sequenceFlow>";
    }

    /** The process in a definitions element, with a shape or edge for every element. */
    static String bpmn(String process) {
        var di = new StringBuilder();
        var ids = ID.matcher(process);
        int x = 0;
        while (ids.find()) {
            String id = ids.group(2);
            if ("sequenceFlow".equals(ids.group(1))) {
                di.append("<bpmndi:BPMNEdge id=\"Edge_").append(id).append("\" bpmnElement=\"").append(id)
                        .append("\"><omgdi:waypoint x=\"0\" y=\"0\"/><omgdi:waypoint x=\"10\" y=\"0\"/></bpmndi:BPMNEdge>");
            } else {
                di.append("<bpmndi:BPMNShape id=\"Shape_").append(id).append("\" bpmnElement=\"").append(id)
                        .append("\"><omgdc:Bounds x=\"").append(x += 150).append("\" y=\"0\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:flowable=\"http://flowable.org/bpmn\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" "
                + "xmlns:omgdc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:omgdi=\"http://www.omg.org/spec/DD/20100524/DI\" "
                + "targetNamespace=\"http://opsflow.io/test\"><process id=\"lint-test\" isExecutable=\"true\">" + process
                + "</process><bpmndi:BPMNDiagram id=\"D\"><bpmndi:BPMNPlane id=\"P\" bpmnElement=\"lint-test\">" + di
                + "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>";
    }
}
