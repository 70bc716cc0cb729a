package io.opsflow.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskCompletionRaceDetectorTest {

    @Test
    void coversFlowablesTaskActionAndOpsflowsFormSubmission() {
        var rest = TaskCompletionRaceDetector.TASK_ACTION.matcher("/process-api/runtime/tasks/t-1");
        var form = TaskCompletionRaceDetector.TASK_ACTION.matcher("/api/v1/tasks/t-2/form");

        assertThat(rest.matches()).isTrue();
        assertThat(rest.group(1)).isEqualTo("t-1");
        assertThat(form.matches()).isTrue();
        assertThat(form.group(2)).isEqualTo("t-2");
        assertThat(TaskCompletionRaceDetector.TASK_ACTION.matcher("/api/v1/tasks/t-2/claim").matches()).isFalse();
        assertThat(TaskCompletionRaceDetector.TASK_ACTION.matcher("/process-api/runtime/tasks/t-1/variables").matches()).isFalse();
    }
}
