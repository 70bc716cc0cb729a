package io.opsflow.approval.api;

import io.opsflow.approval.print.ApprovalPrinter;
import io.opsflow.approval.run.ApprovalDetail;
import io.opsflow.approval.run.ApprovalReads;
import io.opsflow.approval.run.ApprovalRuntime;
import io.opsflow.approval.run.ApprovalRuntime.AddPosition;
import io.opsflow.approval.run.ApprovalRuntime.ReturnTarget;
import io.opsflow.approval.run.ApprovalSummary;
import io.opsflow.approval.run.InvalidApprovalInput;
import io.opsflow.approval.run.ReturnPlan;
import io.opsflow.approval.timeline.TimelineItem;
import io.opsflow.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/approvals}: start an approval, read it with progress and timeline, the inboxes, and
 * every operation on an approval task or instance. Object access is checked on each call: 404 for
 * approvals the caller may not see, 403 for someone else's task, 409 when the state does not allow it.
 */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Run time of approval chains: start, approve, reject, return, transfer, delegate, add/remove approvers, CC, withdraw, cancel, urge")
class ApprovalApiController {

    private final ApprovalRuntime runtime;
    private final FormStart formStart;
    private final ApprovalReads reads;
    private final ApprovalPrinter printer;

    ApprovalApiController(ApprovalRuntime runtime, FormStart formStart, ApprovalReads reads, ApprovalPrinter printer) {
        this.runtime = runtime;
        this.formStart = formStart;
        this.reads = reads;
        this.printer = printer;
    }

    @GetMapping("/definitions")
    @Operation(summary = "Approvals one can start (latest versions)")
    List<ApprovalReads.StartableApproval> definitions() {
        return reads.startable();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an approval with its form values",
            description = "form: field id to value (text, number or true/false). An approval with a form takes only its fields, "
                    + "checked like the web start form (required, type, length, range, option, user) and stored typed: a number "
                    + "field as a number, also when sent as text (\"2500\"); read-only fields start with their default; "
                    + "<nodeId>_chosen names the approvers of a node the starter chooses. An approval without a form takes "
                    + "plain values. Nothing is started when a value is refused.",
            responses = {@ApiResponse(responseCode = "201"),
                @ApiResponse(responseCode = "400", description = "values that do not fit the form: message and fieldErrors "
                        + "(field name to message, also for names the form does not have); or a reserved name"),
                @ApiResponse(responseCode = "404", description = "no such approval"),
                @ApiResponse(responseCode = "409", description = "the approval is suspended")})
    ApprovalDetail start(@RequestBody ApprovalRequests.Start body) {
        CurrentUser user = CurrentUser.required();
        String id = formStart.start(body.definitionKey(), body.form(), user);
        return reads.detail(id, user);
    }

    @GetMapping("/mine")
    @Operation(summary = "Approvals I started, newest first")
    List<ApprovalSummary> mine() {
        return reads.mine(CurrentUser.required());
    }

    @GetMapping("/todo")
    @Operation(summary = "My open approval tasks")
    List<ApprovalSummary> todo() {
        return reads.todo(CurrentUser.required());
    }

    @GetMapping("/done")
    @Operation(summary = "Approvals I acted on")
    List<ApprovalSummary> done() {
        return reads.done(CurrentUser.required());
    }

    @GetMapping("/cc")
    @Operation(summary = "Approvals CC'd to me")
    List<ApprovalSummary> cc() {
        return reads.ccToMe(CurrentUser.required());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One approval: form values, open tasks, node progress and timeline",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "no such approval or not yours to see")})
    ApprovalDetail one(@PathVariable String id) {
        return reads.detail(id, CurrentUser.required());
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The approval's timeline: actions, comments, CCs, attachments, oldest first")
    List<TimelineItem> timeline(@PathVariable String id) {
        return reads.detail(id, CurrentUser.required()).timeline();
    }

    @GetMapping(value = "/{id}/print", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The approval as a PDF: form values, a signature block per approver node and the timeline",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "no such approval or not yours to see"),
                @ApiResponse(responseCode = "503", description = "the PDF could not be printed (too large, too slow)")})
    ResponseEntity<byte[]> print(@PathVariable String id) {
        byte[] pdf = printer.print(id, CurrentUser.required());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"approval-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    // ------------------------------------------------------------ task operations

    @PostMapping("/tasks/{taskId}/approve")
    @Operation(summary = "Approve my task", responses = {@ApiResponse(responseCode = "200"),
        @ApiResponse(responseCode = "400", description = "the node needs a comment"), @ApiResponse(responseCode = "403", description = "someone else's task"),
        @ApiResponse(responseCode = "409", description = "no longer open, delegated to me, waiting for approvers added before me, or a concurrent decision")})
    ApprovalDetail approve(@PathVariable String taskId, @RequestBody(required = false) ApprovalRequests.Comment body) {
        CurrentUser user = CurrentUser.required();
        String pid = runtime.ownTask(taskId, user).getProcessInstanceId();
        runtime.approve(taskId, body == null ? null : body.comment(), user);
        return reads.detail(pid, user);
    }

    @PostMapping("/tasks/{taskId}/reject")
    @Operation(summary = "Reject: end the approval, or return it to an earlier node (returnTo)")
    ApprovalDetail reject(@PathVariable String taskId, @RequestBody ApprovalRequests.Reject body) {
        CurrentUser user = CurrentUser.required();
        String pid = runtime.ownTask(taskId, user).getProcessInstanceId();
        runtime.reject(taskId, body.returnTo(), body.comment(), user);
        return reads.detail(pid, user);
    }

    @GetMapping("/tasks/{taskId}/return-targets")
    @Operation(summary = "Nodes my task may be returned to (passed approver nodes before it, and the starter)")
    List<ReturnTarget> returnTargets(@PathVariable String taskId) {
        return runtime.returnTargets(taskId, CurrentUser.required());
    }

    @PostMapping("/tasks/{taskId}/return")
    @Operation(summary = "Return (退回) to an earlier node or to the starter; correct in parallel branches and 会签 nodes",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "409", description = "target not passed, not earlier, or not an approver node")})
    Map<String, Object> returnTo(@PathVariable String taskId, @RequestBody ApprovalRequests.Return body) {
        CurrentUser user = CurrentUser.required();
        ReturnPlan plan = runtime.returnTo(taskId, body.target(), body.comment(), user);
        return Map.of("target", plan.target(), "withdrawn", plan.moved(), "joinTokens", plan.joinTokens());
    }

    @PostMapping("/tasks/{taskId}/transfer")
    @Operation(summary = "Transfer (转办) my task to another user")
    void transfer(@PathVariable String taskId, @RequestBody ApprovalRequests.ToUser body) {
        runtime.transfer(taskId, body.user(), body.comment(), CurrentUser.required());
    }

    @PostMapping("/tasks/{taskId}/delegate")
    @Operation(summary = "Delegate (委派) my task; it comes back to me when the delegate resolves it")
    void delegate(@PathVariable String taskId, @RequestBody ApprovalRequests.ToUser body) {
        runtime.delegate(taskId, body.user(), body.comment(), CurrentUser.required());
    }

    @PostMapping("/tasks/{taskId}/resolve")
    @Operation(summary = "Hand a task delegated to me back to the delegator")
    void resolve(@PathVariable String taskId, @RequestBody(required = false) ApprovalRequests.Comment body) {
        runtime.resolve(taskId, body == null ? null : body.comment(), CurrentUser.required());
    }

    @PostMapping("/tasks/{taskId}/approvers")
    @Operation(summary = "Add approvers (加签) before or after me in a 会签/或签 node; position BEFORE makes me wait for them")
    Map<String, Object> addApprovers(@PathVariable String taskId, @RequestBody ApprovalRequests.AddApprovers body) {
        AddPosition position = position(body.position());
        List<String> tasks = runtime.addApprovers(taskId, body.users(), position, body.comment(), CurrentUser.required());
        return Map.of("addedTasks", tasks);
    }

    @PostMapping("/tasks/{taskId}/remove-approver")
    @Operation(summary = "Remove (减签) an approver of my 会签/或签 node who has not acted yet",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "409", description = "they already acted or are no approver of this node")})
    void removeApprover(@PathVariable String taskId, @RequestBody ApprovalRequests.ToUser body) {
        runtime.removeApprover(taskId, body.user(), body.comment(), CurrentUser.required());
    }

    @PostMapping("/tasks/{taskId}/resubmit")
    @Operation(summary = "Resubmit an approval returned to me (the starter), with changed form values",
            description = "form: the fields to change, checked like a start against the form of the version the approval runs "
                    + "(required, type, length, range, option, user, no unknown names). A field left out keeps its value, a field "
                    + "sent empty or null is cleared; the merged values must fit the form. An approval without a form takes plain values.",
            responses = {@ApiResponse(responseCode = "200", description = "resubmitted: the approval goes on at its first node"),
                @ApiResponse(responseCode = "400", description = "values that do not fit the form: message and fieldErrors, as at "
                        + "start; the task stays open and nothing is changed"),
                @ApiResponse(responseCode = "403", description = "someone else's task"),
                @ApiResponse(responseCode = "409", description = "not a task returned to the starter, or no longer open")})
    void resubmit(@PathVariable String taskId, @RequestBody ApprovalRequests.Resubmit body) {
        runtime.resubmit(taskId, body.form(), body.comment(), CurrentUser.required());
    }

    // ------------------------------------------------------------ instance operations

    @PostMapping("/{id}/cc")
    @Operation(summary = "CC (抄送) the approval to users; they find it under CC'd to me")
    void cc(@PathVariable String id, @RequestBody ApprovalRequests.Users body) {
        runtime.cc(id, body.users(), body.comment(), CurrentUser.required());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw (撤回) my last approval while nobody after me has acted",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "409", description = "the next approver already acted")})
    void withdraw(@PathVariable String id, @RequestBody(required = false) ApprovalRequests.Comment body) {
        runtime.withdraw(id, body == null ? null : body.comment(), CurrentUser.required());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel (撤销) a running approval: its starter or an admin")
    void cancel(@PathVariable String id, @RequestBody(required = false) ApprovalRequests.Comment body) {
        runtime.cancel(id, body == null ? null : body.comment(), CurrentUser.required());
    }

    @PostMapping("/{id}/urge")
    @Operation(summary = "Urge (催办) the open tasks' approvers: the starter, once per task per interval",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "429", description = "urged too recently; see Retry-After")})
    Map<String, Object> urge(@PathVariable String id, @RequestBody(required = false) ApprovalRequests.Comment body) {
        return Map.of("reminded", runtime.urge(id, body == null ? null : body.comment(), CurrentUser.required()));
    }

    private static AddPosition position(String text) {
        if (text == null || text.isBlank()) {
            return AddPosition.AFTER;
        }
        try {
            return AddPosition.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidApprovalInput("position is BEFORE or AFTER.");
        }
    }
}
