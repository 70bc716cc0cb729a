package io.opsflow.design.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

    private static final String SUB_PROCESS = HEAD + """
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <subProcess id="review" name="Review">
                  <startEvent id="reviewStart"/>
                  <sequenceFlow id="r1" sourceRef="reviewStart" targetRef="reviewGate"/>
                  <exclusiveGateway id="reviewGate" default="r3"/>
                  <sequenceFlow id="r2" sourceRef="reviewGate" targetRef="check"><conditionExpression>${amount > 1000}</conditionExpression></sequenceFlow>
                  <sequenceFlow id="r3" sourceRef="reviewGate" targetRef="reviewEnd"/>
                  <userTask id="check" name="Check" flowable:assignee="${manager}"/>
                  <sequenceFlow id="r4" sourceRef="check" targetRef="inner"/>
                  <subProcess id="inner">
                    <startEvent id="innerStart"/>
                    <sequenceFlow id="i1" sourceRef="innerStart" targetRef="sign"/>
                    <userTask id="sign" flowable:candidateGroups="staff"/>
                    <sequenceFlow id="i2" sourceRef="sign" targetRef="innerEnd"/>
                    <endEvent id="innerEnd"/>
                  </subProcess>
                  <sequenceFlow id="r5" sourceRef="inner" targetRef="reviewEnd"/>
                  <endEvent id="reviewEnd"/>
                </subProcess>
                <sequenceFlow id="f2" sourceRef="review" targetRef="archive"/>
                <serviceTask id="archive" flowable:expression="${archiver.archive(execution)}"/>
                <sequenceFlow id="f3" sourceRef="archive" targetRef="end"/>
                <endEvent id="end"/>
            """ + TAIL;

    @Test
    void aSubProcessIsWalkedInsideWithTheSameRulesAndLeftThroughItsOutgoingFlow() {
        var path = walk(SUB_PROCESS, Map.of("amount", 10));

        assertThat(path.completed()).isTrue();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId)
                .containsExactly("start", "review", "reviewStart", "reviewGate", "reviewEnd", "archive", "end");
        assertThat(path.steps()).extracting(PathWalker.Step::in).containsExactly(null, null, "review", "review", "review", null, null);
        assertThat(path.steps().get(4).via()).isEqualTo("r3");
        assertThat(path.steps().get(5).via()).isEqualTo("f2");
    }

    @Test
    void nestedSubProcessesSayWhichOneEachStepIsInAndTheirTasksWhoGetsThem() {
        var path = walk(SUB_PROCESS, Map.of("amount", 5000, "manager", "mia"));

        assertThat(path.completed()).isTrue();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "review", "reviewStart", "reviewGate",
                "check", "inner", "innerStart", "sign", "innerEnd", "reviewEnd", "archive", "end");
        assertThat(path.steps()).extracting(PathWalker.Step::in).containsExactly(null, null, "review", "review", "review", "review",
                "inner", "inner", "inner", "review", null, null);
        assertThat(path.steps().get(4).assignment().assignee()).isEqualTo("mia");
        assertThat(path.steps().get(7).assignment().groupMembers()).containsExactly("sam", "sue");
        assertThat(path.steps().get(9).via()).isEqualTo("r5");
    }

    @Test
    void aConditionInsideASubProcessThatCannotBeEvaluatedStopsThere() {
        var path = walk(SUB_PROCESS, Map.of());

        assertThat(path.completed()).isFalse();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "review", "reviewStart", "reviewGate");
        assertThat(path.stoppedBecause()).contains("r2").contains("amount");
    }

    @Test
    void theStepLimitCountsTheStepsInsideSubProcesses() {
        StringBuilder inside = new StringBuilder("<startEvent id=\"subStart\"/><sequenceFlow id=\"s0\" sourceRef=\"subStart\" targetRef=\"t1\"/>");
        for (int i = 1; i <= 150; i++) {
            inside.append("<manualTask id=\"t").append(i).append("\"/><sequenceFlow id=\"s").append(i).append("\" sourceRef=\"t").append(i)
                    .append("\" targetRef=\"").append(i == 150 ? "subEnd" : "t" + (i + 1)).append("\"/>");
        }
        inside.append("<endEvent id=\"subEnd\"/>");
        StringBuilder after = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            after.append("<manualTask id=\"u").append(i).append("\"/><sequenceFlow id=\"a").append(i).append("\" sourceRef=\"u").append(i)
                    .append("\" targetRef=\"").append(i == 60 ? "end" : "u" + (i + 1)).append("\"/>");
        }
        String xml = HEAD + "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"sub\"/><subProcess id=\"sub\">"
                + inside + "</subProcess><sequenceFlow id=\"f2\" sourceRef=\"sub\" targetRef=\"u1\"/>" + after + "<endEvent id=\"end\"/>" + TAIL;

        var path = walk(xml, Map.of());

        assertThat(path.completed()).isFalse();
        assertThat(path.stoppedBecause()).isEqualTo("More than " + PathWalker.MAX_STEPS + " steps.");
        assertThat(path.steps()).hasSize(PathWalker.MAX_STEPS);
    }

    private static final String GUARDED = HEAD + """
                <error id="rejected" errorCode="REJECTED"/>
                <message id="cancelled" name="orderCancelled"/>
                <signal id="halt" name="halt"/>
                <escalation id="late" escalationCode="LATE"/>
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                <userTask id="work" name="Work" flowable:assignee="sam"/>
                <boundaryEvent id="remind" name="Every day" attachedToRef="work" cancelActivity="false">
                  <timerEventDefinition><timeCycle>R/P1D</timeCycle></timerEventDefinition>
                </boundaryEvent>
                <boundaryEvent id="tooLate" attachedToRef="work">
                  <timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition>
                </boundaryEvent>
                <boundaryEvent id="cancel" attachedToRef="work"><messageEventDefinition messageRef="cancelled"/></boundaryEvent>
                <boundaryEvent id="stop" attachedToRef="work" cancelActivity="false"><signalEventDefinition signalRef="halt"/></boundaryEvent>
                <sequenceFlow id="f2" sourceRef="work" targetRef="sub"/>
                <sequenceFlow id="b1" sourceRef="remind" targetRef="nudge"/>
                <sequenceFlow id="b2" sourceRef="tooLate" targetRef="giveUp"/>
                <sequenceFlow id="b3" sourceRef="cancel" targetRef="cancelled"/>
                <sequenceFlow id="b4" sourceRef="stop" targetRef="giveUp"/>
                <serviceTask id="nudge" flowable:expression="${mail.nudge()}"/>
                <sequenceFlow id="b5" sourceRef="nudge" targetRef="nudged"/>
                <endEvent id="nudged"/>
                <userTask id="giveUp" name="Give up" flowable:candidateGroups="ops"/>
                <sequenceFlow id="b6" sourceRef="giveUp" targetRef="cancelled"/>
                <endEvent id="cancelled"/>
                <subProcess id="sub" name="Double check">
                  <startEvent id="subStart"/>
                  <sequenceFlow id="s1" sourceRef="subStart" targetRef="subGate"/>
                  <exclusiveGateway id="subGate" default="s3"/>
                  <sequenceFlow id="s2" sourceRef="subGate" targetRef="refuse"><conditionExpression>${refused}</conditionExpression></sequenceFlow>
                  <sequenceFlow id="s3" sourceRef="subGate" targetRef="subEnd"/>
                  <endEvent id="refuse"><errorEventDefinition errorRef="rejected"/></endEvent>
                  <endEvent id="subEnd"/>
                </subProcess>
                <boundaryEvent id="onRejected" name="Rejected" attachedToRef="sub"><errorEventDefinition errorRef="rejected"/></boundaryEvent>
                <boundaryEvent id="onLate" attachedToRef="sub" cancelActivity="false"><escalationEventDefinition escalationRef="late"/></boundaryEvent>
                <sequenceFlow id="f3" sourceRef="sub" targetRef="end"/>
                <sequenceFlow id="b7" sourceRef="onRejected" targetRef="giveUp"/>
                <sequenceFlow id="b8" sourceRef="onLate" targetRef="giveUp"/>
                <endEvent id="end"/>
            """ + TAIL;

    @Test
    void theStepOfAnActivityListsItsBoundaryEventsWithWhatTheyWaitForAndWhereTheyLead() {
        var path = walk(GUARDED, Map.of("refused", false));

        assertThat(path.completed()).isTrue();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "work", "sub", "subStart", "subGate",
                "subEnd", "end");
        assertThat(path.steps().get(1).boundaryEvents()).containsExactly(
                new PathWalker.BoundaryEvent("remind", "Every day", "timer", "timeCycle R/P1D", false, "nudge"),
                new PathWalker.BoundaryEvent("tooLate", null, "timer", "timeDate ${dueAt}", true, "giveUp"),
                new PathWalker.BoundaryEvent("cancel", null, "message", "message cancelled", true, "cancelled"),
                new PathWalker.BoundaryEvent("stop", null, "signal", "signal halt", false, "giveUp"));
        assertThat(path.steps().get(2).boundaryEvents()).extracting(PathWalker.BoundaryEvent::id, PathWalker.BoundaryEvent::kind,
                PathWalker.BoundaryEvent::interrupting).containsExactly(tuple("onRejected", "error", true), tuple("onLate", "escalation", false));
        assertThat(path.steps().get(0).boundaryEvents()).isEmpty();
    }

    @Test
    void aChosenInterruptingBoundaryEventIsTakenInsteadOfTheNormalFlow() {
        var path = new PathWalker(new SandboxedExpressions().over(Map.of()), group -> groups.getOrDefault(group, List.of()))
                .walk(process(GUARDED), Map.of("work", "tooLate"));

        assertThat(path.completed()).isTrue();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "work", "tooLate", "giveUp", "cancelled");
        assertThat(path.steps().get(2).kind()).isEqualTo("boundaryEvent");
        assertThat(path.steps().get(2).via()).isNull();
        assertThat(path.steps().get(3).via()).isEqualTo("b2");
        assertThat(path.steps().get(3).assignment().groupMembers()).containsExactly("olga");
    }

    @Test
    void aChoiceOfAnUnknownOrNonInterruptingBoundaryEventIsRefused() {
        var walker = new PathWalker(new SandboxedExpressions().over(Map.of()), group -> List.of());
        Process process = process(GUARDED);

        assertThat(catchMessage(() -> walker.walk(process, Map.of("nope", "tooLate")))).isEqualTo("'nope' is no activity of this process.");
        assertThat(catchMessage(() -> walker.walk(process, Map.of("work", "onRejected")))).isEqualTo("'onRejected' is no boundary event of work.");
        assertThat(catchMessage(() -> walker.walk(process, Map.of("work", "remind")))).contains("does not interrupt work");
    }

    @Test
    void anErrorEndEventInASubProcessLeavesThroughTheErrorBoundaryThatCatchesIt() {
        var path = walk(GUARDED, Map.of("refused", true));

        assertThat(path.completed()).isTrue();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "work", "sub", "subStart", "subGate",
                "refuse", "onRejected", "giveUp", "cancelled");
        assertThat(path.steps()).extracting(PathWalker.Step::in).containsExactly(null, null, null, "sub", "sub", "sub", null, null, null);
    }

    @Test
    void aCallActivityIsNotFollowedButSaysWhichProcessItWouldCall() {
        String xml = HEAD + """
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
                    <callActivity id="call" calledElement="${kind}-approval"/>
                    <sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
                    <endEvent id="end"/>
                    <subProcess id="onCancel" triggeredByEvent="true">
                      <startEvent id="cancelStart"><messageEventDefinition messageRef="cancel"/></startEvent>
                      <sequenceFlow id="c1" sourceRef="cancelStart" targetRef="cancelEnd"/>
                      <endEvent id="cancelEnd"/>
                    </subProcess>
                """ + TAIL;

        var path = walk(xml, Map.of("kind", "purchase"));

        assertThat(path.completed()).isTrue();
        assertThat(path.steps()).extracting(PathWalker.Step::elementId).containsExactly("start", "call", "end");
        assertThat(path.steps().get(1).calls()).isEqualTo("purchase-approval");
        assertThat(path.steps().get(1).note()).contains("purchase-approval").contains("not followed");
        assertThat(path.steps().get(0).note()).isEqualTo("event sub-processes here, not followed: onCancel (message)");
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
