package io.opsflow.design.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    private static final String V1 = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:omgdc="http://www.omg.org/spec/DD/20100524/DC">
              <process id="p">
                <startEvent id="start"/>
                <userTask id="review" name="Review the work" flowable:candidateGroups="staff"/>
                <serviceTask id="notify" name="Notify"/>
              </process>
              <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
                <bpmndi:BPMNShape id="s" bpmnElement="review"><omgdc:Bounds x="1" y="1" width="100" height="80"/></bpmndi:BPMNShape>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </definitions>
            """;

    @Test
    void namesTheChangedAttributesAndTheAddedAndRemovedElementsButNotMovedShapes() {
        String v2 = V1.replace("name=\"Review the work\" flowable:candidateGroups=\"staff\"", "name=\"Review\" flowable:formKey=\"review-request\"")
                .replace("<serviceTask id=\"notify\" name=\"Notify\"/>", "<endEvent id=\"end\" name=\"Done\"/>")
                .replace("x=\"1\"", "x=\"300\"");

        List<VersionDiff.ElementChange> changes = VersionDiff.between(V1, v2);

        assertThat(changes).extracting(VersionDiff.ElementChange::elementId, VersionDiff.ElementChange::change, VersionDiff.ElementChange::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("end", "added", "endEvent"),
                        org.assertj.core.groups.Tuple.tuple("notify", "removed", "serviceTask"),
                        org.assertj.core.groups.Tuple.tuple("review", "changed", "userTask"));
        assertThat(changes.get(2).details()).containsExactly("flowable:candidateGroups removed (was 'staff')",
                "flowable:formKey set to 'review-request'", "name: 'Review the work' → 'Review'");
    }

    @Test
    void aChangedConditionIsNestedContent() {
        String before = V1.replace("<startEvent id=\"start\"/>",
                "<sequenceFlow id=\"f\" sourceRef=\"start\" targetRef=\"review\"><conditionExpression>${a}</conditionExpression></sequenceFlow>");
        String after = before.replace("${a}", "${b}");

        assertThat(VersionDiff.between(before, after)).singleElement().satisfies(change -> {
            assertThat(change.elementId()).isEqualTo("f");
            assertThat(change.details()).singleElement().asString().contains("nested content");
        });
    }
}
