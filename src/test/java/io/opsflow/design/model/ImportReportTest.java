package io.opsflow.design.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Camunda attributes and elements an import reports as ignored by Flowable. */
class ImportReportTest {

    @Test
    void aCamundaModelerFileListsWhatFlowableIgnoresWithTheFlowableTwin() throws Exception {
        ImportReport report = ImportReport.of(Files.readString(Path.of("src/test/resources/design/camunda-modeler.bpmn")));

        assertThat(report.source()).isEqualTo("Camunda Modeler");
        assertThat(report.usesActivitiNamespace()).isFalse();
        assertThat(report.ignored()).extracting(ForeignAttribute::elementId, ForeignAttribute::name).contains(
                org.assertj.core.groups.Tuple.tuple("studio-leave-request", "camunda:historyTimeToLive"),
                org.assertj.core.groups.Tuple.tuple("StartEvent_Requested", "camunda:formKey"),
                org.assertj.core.groups.Tuple.tuple("Task_Approve", "camunda:candidateGroups"),
                org.assertj.core.groups.Tuple.tuple("Task_Approve", "camunda:asyncBefore"),
                org.assertj.core.groups.Tuple.tuple("Task_Approve", "camunda:inputOutput"),
                org.assertj.core.groups.Tuple.tuple("Task_Approve", "camunda:taskListener"));
        assertThat(report.ignored()).filteredOn(f -> f.name().equals("camunda:asyncBefore")).first()
                .extracting(ForeignAttribute::message).isEqualTo("Flowable ignores camunda:asyncBefore; use flowable:async instead.");
    }

    @Test
    void flowableAndActivitiFilesHaveNothingIgnored() throws Exception {
        ImportReport flowable = ImportReport.of(Files.readString(Path.of("src/test/resources/design/flowable-modeler-6.8.bpmn20.xml")));
        ImportReport activiti = ImportReport.of(Files.readString(Path.of("src/test/resources/design/activiti-designer.bpmn20.xml")));

        assertThat(flowable.source()).isEqualTo("Flowable Open Source Modeler");
        assertThat(flowable.ignored()).isEmpty();
        assertThat(activiti.usesActivitiNamespace()).isTrue();
        assertThat(activiti.ignored()).isEmpty();
    }
}
