package io.opsflow.design.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a concurrent save changed, by element id, without the diagram layout. */
class ModelDiffTest {

    private static final String BEFORE = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:omgdc="http://www.omg.org/spec/DD/20100524/DC">
              <process id="p"><startEvent id="Start"/><userTask id="Task_A" flowable:candidateGroups="staff"/><endEvent id="End"/></process>
              <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="p">
                <bpmndi:BPMNShape id="S" bpmnElement="Task_A"><omgdc:Bounds x="1" y="1" width="100" height="80"/></bpmndi:BPMNShape>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </definitions>""";

    @Test
    void addedRemovedAndChangedElementsAreNamedAndMovedShapesAreNot() {
        String after = BEFORE.replace("flowable:candidateGroups=\"staff\"", "flowable:candidateGroups=\"supervisor\"")
                .replace("<endEvent id=\"End\"/>", "<endEvent id=\"End_Done\"/>")
                .replace("x=\"1\"", "x=\"500\"");

        ModelDiff.Changes changes = ModelDiff.between(BEFORE, after);

        assertThat(changes.added()).isEqualTo(List.of("End_Done"));
        assertThat(changes.removed()).isEqualTo(List.of("End"));
        assertThat(changes.changed()).containsExactly("Task_A");
        assertThat(ModelDiff.between(BEFORE, BEFORE.replace("x=\"1\"", "x=\"9\"")).isEmpty()).isTrue();
    }
}
