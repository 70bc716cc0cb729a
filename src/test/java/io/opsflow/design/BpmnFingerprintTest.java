package io.opsflow.design;

import static io.opsflow.design.ModelApiCalls.file;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The round-trip comparison notices what matters to Flowable, so a lossy save would fail it. */
class BpmnFingerprintTest {

    private static final String FILE = file("src/test/resources/design/flowable-modeler-6.8.bpmn20.xml");

    @Test
    void equalFilesHaveEqualFingerprintsWhateverTheFormatting() {
        assertThat(BpmnFingerprint.of(FILE.replace("></userTask>", "/>").replace("\n    ", "\n"))).isEqualTo(BpmnFingerprint.of(FILE));
    }

    @Test
    void aChangedCandidateGroupALostExtensionElementOrALostShapeChangeTheFingerprint() {
        var original = BpmnFingerprint.of(FILE);
        assertThat(BpmnFingerprint.of(FILE.replace("flowable:candidateGroups=\"supervisor\"", "flowable:candidateGroups=\"staff\"")))
                .isNotEqualTo(original);
        assertThat(BpmnFingerprint.of(FILE.replaceAll("<modeler:initiator-can-complete[^>]*>.*?</modeler:initiator-can-complete>", "")))
                .isNotEqualTo(original);
        assertThat(BpmnFingerprint.of(FILE.replace("<flowable:failedJobRetryTimeCycle>R5/PT10M", "<flowable:failedJobRetryTimeCycle>R1/PT10M")))
                .isNotEqualTo(original);
        assertThat(BpmnFingerprint.of(FILE.replace("flowable:collection=\"${rooms}\"", ""))).isNotEqualTo(original);
        assertThat(BpmnFingerprint.of(FILE.replaceAll("<bpmndi:BPMNShape bpmnElement=\"sid-E0000001\".*?</bpmndi:BPMNShape>", "")))
                .isNotEqualTo(original);
        assertThat(BpmnFingerprint.of(FILE.replace("<flowable:expression><![CDATA[group:supervisor]]></flowable:expression>",
                "<flowable:expression><![CDATA[group:staff]]></flowable:expression>"))).isNotEqualTo(original);
    }
}
