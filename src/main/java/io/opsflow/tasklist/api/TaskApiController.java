package io.opsflow.tasklist.api;

import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.task.FormState;
import io.opsflow.tasklist.task.TaskClaims;
import io.opsflow.tasklist.task.TaskCompletion;
import io.opsflow.tasklist.task.TaskFilter;
import io.opsflow.tasklist.task.TaskFinder;
import io.opsflow.tasklist.task.TaskForms;
import io.opsflow.tasklist.task.TaskPage;
import io.opsflow.tasklist.task.TaskSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task list for integrators and mobile apps; the same services and validator as the web pages. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "The caller's tasks and their group's tasks: list, claim, read and submit forms")
class TaskApiController {

    private final TaskFinder finder;
    private final TaskClaims claims;
    private final TaskForms forms;
    private final TaskCompletion completion;

    TaskApiController(TaskFinder finder, TaskClaims claims, TaskForms forms, TaskCompletion completion) {
        this.finder = finder;
        this.claims = claims;
        this.forms = forms;
        this.completion = completion;
    }

    @GetMapping
    @Operation(summary = "List tasks", description = "scope=mine: assigned to the caller; scope=group: unassigned, "
            + "the caller or one of their groups is a candidate. Highest priority first, newest first.")
    TaskPage list(
            @Parameter(description = "mine or group") @RequestParam(defaultValue = "mine") String scope,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        var user = CurrentUser.required();
        return switch (scope) {
            case "mine" -> finder.mine(user, TaskFilter.NONE, page, size);
            case "group" -> finder.group(user, TaskFilter.NONE, page, size);
            default -> throw new IllegalArgumentException("scope must be mine or group");
        };
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task", responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "no such task or not visible")})
    TaskSummary task(@PathVariable String id) {
        return finder.summary(CurrentUser.required(), id);
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "The task's form definition and current values (variables, else field defaults)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "no such task or not visible")})
    FormState form(@PathVariable String id) {
        return forms.forTask(CurrentUser.required(), id);
    }

    @PostMapping("/{id}/form")
    @Operation(summary = "Submit the form and complete the task",
            description = "Body: a JSON object of field id to value. Validated exactly like the web form; read-only and unknown "
                    + "fields are ignored. File fields cannot be sent here.",
            responses = {
                @ApiResponse(responseCode = "200", description = "completed"),
                @ApiResponse(responseCode = "400", description = "invalid values: message and fieldErrors (field id to message)"),
                @ApiResponse(responseCode = "404", description = "no such task or not visible"),
                @ApiResponse(responseCode = "409", description = "assigned to someone else, or changed concurrently")
            })
    ResponseEntity<Map<String, Object>> submit(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        var result = completion.complete(CurrentUser.required(), id, JsonFormInput.from(values));
        if (!result.valid()) {
            var body = ApiErrors.body(HttpStatus.BAD_REQUEST, "Some values are not valid.");
            body.put("fieldErrors", result.errors());
            return ResponseEntity.badRequest().body(body);
        }
        return ResponseEntity.ok(Map.of("taskId", id, "completed", true));
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take the task", responses = {@ApiResponse(responseCode = "204"), @ApiResponse(responseCode = "404"),
        @ApiResponse(responseCode = "409", description = "someone else has it")})
    ResponseEntity<Void> claim(@PathVariable String id) {
        claims.claim(CurrentUser.required(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give the task back to its candidates", responses = {@ApiResponse(responseCode = "204"),
        @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409", description = "it is not yours")})
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        claims.unclaim(CurrentUser.required(), id);
        return ResponseEntity.noContent().build();
    }
}
