package io.opsflow.platform.demo;

import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;

/** Three service requests reported by sam, waiting for staff; lily has already taken the first. */
class DemoRequests {

    static final String PROCESS = "service-request";
    static final String REPORTER = "sam";

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    DemoRequests(IdentityService identityService, RuntimeService runtimeService, TaskService taskService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    void start() {
        ProcessInstance lamp = report(Map.of(
                "title", "3号楼电梯厅灯不亮",
                "location", "3号楼 1层电梯厅",
                "details", "电梯厅顶灯全部不亮，晚上很暗，请尽快处理。",
                "priority", "75"));
        report(Map.of(
                "title", "Leaking tap in the staff kitchen",
                "location", "Building 1, 2nd floor kitchen",
                "details", "The cold tap drips constantly; there is water under the sink.",
                "priority", "100"));
        report(Map.of(
                "title", "北门绿化带需要修剪",
                "location", "北门 North gate",
                "details", "Hedges along the north gate path are overgrown.",
                "priority", "25"));
        String lampTask = taskService.createTaskQuery().processInstanceId(lamp.getId()).singleResult().getId();
        taskService.claim(lampTask, "lily");
    }

    private ProcessInstance report(Map<String, Object> variables) {
        // The engine records the authenticated user as the starter and the 'requester' variable.
        identityService.setAuthenticatedUserId(REPORTER);
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS, variables);
        } finally {
            identityService.setAuthenticatedUserId(null);
        }
    }
}
