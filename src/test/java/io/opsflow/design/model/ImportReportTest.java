package io.opsflow.design.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.opsflow.design.BpmnFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Camunda attributes and elements an import reports, and proof against Flowable's own parser that
 * the ones called ignored change nothing and the ones called read do.
 */
class ImportReportTest {

    private static final String CAMUNDA = read("src/test/resources/design/camunda-modeler.bpmn");

    @Test
    void aCamundaModelerFileSaysWhatFlowableReadsAndWhatItIgnores() {
        ImportReport report = ImportReport.of(CAMUNDA);

        assertThat(report.source()).isEqualTo("Camunda Modeler");
        assertThat(report.usesActivitiNamespace()).isFalse();
        assertThat(report.ignored()).extracting(ForeignAttribute::elementId, ForeignAttribute::name).containsExactly(
                tuple("studio-leave-request", "camunda:historyTimeToLive"),
                tuple("Task_Approve", "camunda:inputOutput"));
        assertThat(report.readAsFlowable()).extracting(ForeignAttribute::elementId, ForeignAttribute::name).containsExactly(
                tuple("StartEvent_Requested", "camunda:formKey"),
                tuple("Task_Approve", "camunda:candidateGroups"),
                tuple("Task_Approve", "camunda:dueDate"),
                tuple("Task_Approve", "camunda:asyncBefore"),
                tuple("Task_Approve", "camunda:taskListener"));
        assertThat(report.readAsFlowable().get(3).message())
                .isEqualTo("Flowable reads camunda:asyncBefore as flowable:async when flowable:async is not set; the modeller edits flowable:async.");
    }

    @Test
    void whatIsCalledIgnoredChangesNothingInFlowableAndWhatIsCalledReadDoes() {
        var behaviour = BpmnFingerprint.behaviourOf(CAMUNDA);

        assertThat(BpmnFingerprint.behaviourOf(CAMUNDA.replace(" camunda:historyTimeToLive=\"180\"", ""))).isEqualTo(behaviour);
        assertThat(BpmnFingerprint.behaviourOf(CAMUNDA.replaceAll("(?s)<camunda:inputOutput>.*?</camunda:inputOutput>", "")))
                .isEqualTo(behaviour);

        assertThat(BpmnFingerprint.behaviourOf(CAMUNDA.replace(" camunda:candidateGroups=\"supervisor\"", ""))).isNotEqualTo(behaviour);
        assertThat(BpmnFingerprint.behaviourOf(CAMUNDA.replace(" camunda:dueDate=\"${dueDate}\"", ""))).isNotEqualTo(behaviour);
        assertThat(BpmnFingerprint.behaviourOf(CAMUNDA.replace(" camunda:asyncBefore=\"true\"", ""))).isNotEqualTo(behaviour);
        assertThat(BpmnFingerprint.behaviourOf(CAMUNDA.replace(" camunda:formKey=\"camunda-forms:deployment:leave.form\"", "")))
                .isNotEqualTo(behaviour);
        assertThat(BpmnFingerprint.behaviourOf(CAMUNDA.replaceAll("<camunda:taskListener[^>]*/>", ""))).isNotEqualTo(behaviour);
    }

    @Test
    void flowableAndActivitiFilesHaveNothingForeign() {
        ImportReport flowable = ImportReport.of(read("src/test/resources/design/flowable-modeler-6.8.bpmn20.xml"));
        ImportReport activiti = ImportReport.of(read("src/test/resources/design/activiti-designer.bpmn20.xml"));

        assertThat(flowable.source()).isEqualTo("Flowable Open Source Modeler");
        assertThat(flowable.ignored()).isEmpty();
        assertThat(flowable.readAsFlowable()).isEmpty();
        assertThat(activiti.usesActivitiNamespace()).isTrue();
        assertThat(activiti.ignored()).isEmpty();
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
