package io.opsflow.workorder.api;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.assignment.AssignmentRanking;
import io.opsflow.workorder.assignment.Ranking;
import io.opsflow.workorder.order.AssignmentAudit;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.process.WorkOrderProcess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/work-orders}: create from a template, list, read with the explanation, rank, reassign, accept. */
@RestController
@RequestMapping("/api/v1/work-orders")
@Tag(name = "Work orders", description = "Emergency work orders: skill-based assignment with its explanation, reassignment, acceptance")
class WorkOrderApiController {

    private final WorkOrderStore store;
    private final AssignmentAudit audit;
    private final AssignmentRanking ranking;
    private final WorkOrderProcess process;

    WorkOrderApiController(WorkOrderStore store, AssignmentAudit audit, AssignmentRanking ranking, WorkOrderProcess process) {
        this.store = store;
        this.audit = audit;
        this.ranking = ranking;
        this.process = process;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an emergency work order from a template and assign it at once",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "400", description = "unknown template, no location, bad due time")})
    WorkOrderView create(@RequestBody WorkOrderRequests.Create body) {
        CurrentUser user = CurrentUser.required();
        if (!WorkOrderAccess.mayCreate(user)) {
            throw new AccessDeniedException("supervisors, integrators and admins create work orders");
        }
        return full(process.createFromTemplate(body.templateCode(), body.title(), body.location(), body.priority(), body.dueAt(),
                user.id()));
    }

    @GetMapping
    @Operation(summary = "List work orders, newest first", description = "Staff see the orders assigned to them; supervisors and admins all.")
    List<WorkOrderView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String templateCode, @RequestParam(defaultValue = "50") int limit) {
        CurrentUser user = CurrentUser.required();
        String who = WorkOrderAccess.seesAll(user) ? assignee : user.id();
        return store.search(status(status), who, templateCode, Math.min(Math.max(1, limit), 500)).stream()
                .map(WorkOrderView::summary)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One work order with checklist, assignment explanation and assignment history",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "no such order or not yours")})
    WorkOrderView one(@PathVariable String id) {
        return full(visible(id));
    }

    @GetMapping("/{id}/ranking")
    @Operation(summary = "The candidates as they would be ranked now, best first (supervisors and admins)")
    Ranking ranking(@PathVariable String id) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        return ranking.rank(visible(id).skills());
    }

    @PostMapping("/{id}/reassign")
    @Operation(summary = "Give the order to another active staff member, with a reason (audited)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "unknown or inactive user, no reason"),
                @ApiResponse(responseCode = "409", description = "archived")})
    WorkOrderView reassign(@PathVariable String id, @RequestBody WorkOrderRequests.Reassign body) {
        CurrentUser user = CurrentUser.required();
        WorkOrderAccess.requireSupervisor(user);
        return full(process.reassign(visible(id), body.assignee(), body.reason(), user.id()));
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "Accept (archive) or reject (rework) the submitted work",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "409", description = "not waiting for acceptance, or decided by someone else")})
    WorkOrderView decide(@PathVariable String id, @RequestBody WorkOrderRequests.Decision body) {
        CurrentUser user = CurrentUser.required();
        WorkOrderAccess.requireSupervisor(user);
        boolean accepted = switch (body.outcome() == null ? "" : body.outcome()) {
            case "accepted" -> true;
            case "rejected" -> false;
            default -> throw new InvalidWorkOrderInput("outcome must be accepted or rejected");
        };
        return full(process.decide(visible(id), accepted, body.comment(), user.id()));
    }

    private WorkOrder visible(String id) {
        CurrentUser user = CurrentUser.required();
        return store.find(id).filter(o -> WorkOrderAccess.sees(user, o)).orElseThrow(() -> new UnknownWorkOrder(id));
    }

    private WorkOrderView full(WorkOrder order) {
        return WorkOrderView.of(order, store.checklist(order.id()), audit.of(order.id()));
    }

    private static WorkOrderStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return WorkOrderStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkOrderInput("status must be one of NEW, WAITING_DISPATCH, ASSIGNED, SUBMITTED, ARCHIVED");
        }
    }
}
