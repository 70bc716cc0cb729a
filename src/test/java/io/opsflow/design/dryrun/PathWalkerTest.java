package io.opsflow.design.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.Process;
import org.junit.jupiter.api.Test;

class PathWalkerTest {

    private static final String HEAD = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
              <process id="p" isExecutable="true">
            """;
    private static final String TAIL = "</process></definitions>";

    private static final String APPROVAL = HEAD + """
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="gate"/>
                <exclusiveGateway id="gate" name="Large?" default="small"/>
                <sequenceFlow id="large" sourceRef="gate" targetRef="boss"><conditionExpression xsi:type="tFormalExpression">${amount > 1000}</conditionExpression></sequenceFlow>
                <sequenceFlow id="small" sourceRef="gate" targetRef="clerk"/>
                <userTask id="boss" name="Approve large" flowable:assignee="${manager}"/>
                <userTask id="clerk" name="Approve small" flowable:candidateGroups="staff,${team}" flowable:candidateUsers="carol"/>
                <sequenceFlow id="f2" sourceRef="boss" targetRef="end"/>
                <sequenceFlow id="f3" sourceRef="clerk" targetRef="end"/>
                <endEvent id="end"/>
            """ + TAIL;

    private final Map<String, List<String>> groups = Map.of("staff", List.of("sam", "sue"), "ops", List.of("olga"));

    private PathWalker.Path walk(String xml, Map<String, Object> variables) {
        return new PathWalker(new SandboxedExpressions().over(variables), group -> groups.getOrDefault(group, List.of())).walk(process(xml));
    }

    @Test
    void aGatewayTakesTheFlowWhoseConditionIsTrueAndTheTaskNamesItsAssignee() {
        var path = walk(APPROVAL, Map.of("amount", 5000, "manager", "mia"));

        assertThat(path.completed()).isTrue();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "gate", "boss", "end");
        assertThat(path.steps().get(2).via()).isEqualTo("large");
        assertThat(path.steps().get(2).assignment().assignee()).isEqualTo("mia");
    }

    @Test
    void withoutATrueConditionTheDefaultFlowIsTakenAndCandidateGroupsAreResolvedToTheirMembers() {
        var path = walk(APPROVAL, Map.of("amount", 10, "team", "ops"));

        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "gate", "clerk", "end");
        var who = path.steps().get(2).assignment();
        assertThat(who.candidateGroups()).containsExactly("staff", "ops");
        assertThat(who.candidateUsers()).containsExactly("carol");
        assertThat(who.groupMembers()).containsExactly("sam", "sue", "olga");
    }

    @Test
    void aConditionOnAVariableThatIsNotInTheSampleStopsWithItsName() {
        var path = walk(APPROVAL, Map.of());

        assertThat(path.completed()).isFalse();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "gate");
        assertThat(path.stoppedBecause()).contains("large").contains("amount");
    }

    @Test
    void aLoopStopsTheWalkWhereThePathComesBack() {
        String xml = HEAD + """
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                    <userTask id="work" name="Work" flowable:assignee="sam"/>
                    <sequenceFlow id="f2" sourceRef="work" targetRef="ok"/>
                    <exclusiveGateway id="ok" default="again"/>
                    <sequenceFlow id="done" sourceRef="ok" targetRef="end"><conditionExpression>${accepted}</conditionExpression></sequenceFlow>
                    <sequenceFlow id="again" sourceRef="ok" targetRef="work"/>
                    <endEvent id="end"/>
                """ + TAIL;

        var path = walk(xml, Map.of("accepted", false));

        assertThat(path.completed()).isFalse();
        assertThat(path.stoppedBecause()).startsWith("Loop").contains("work");
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "work", "ok");
    }

    @Test
    void aParallelGatewayIsNotFollowed() {
        String xml = HEAD + """
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
                    <parallelGateway id="fork"/>
                    <sequenceFlow id="a" sourceRef="fork" targetRef="end"/>
                    <sequenceFlow id="b" sourceRef="fork" targetRef="end"/>
                    <endEvent id="end"/>
                """ + TAIL;

        var path = walk(xml, Map.of());

        assertThat(path.completed()).isFalse();
        assertThat(path.stoppedBecause()).contains("forks or joins");
    }

    @Test
    void expressionsCannotReachClassesOrBeans() {
        var evaluate = new SandboxedExpressions().over(Map.of("text", "x"));

        assertThat(catchMessage(() -> evaluate.evaluate("${text.getClass().getName()}"))).contains("not available in a dry run");
        assertThat(catchMessage(() -> evaluate.evaluate("${text.class}"))).contains("not available in a dry run");
        assertThat(catchMessage(() -> evaluate.evaluate("${sendMessage}"))).contains("not in your sample");
        assertThat(evaluate.evaluate("${text.toUpperCase() == 'X'}")).isEqualTo(true);
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
            return "no exception";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Process process(String xml) {
        try {
            var reader = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return new BpmnXMLConverter().convertToBpmnModel(reader).getMainProcess();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
