package io.opsflow.workorder.api;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.plan.PlanCycle;
import io.opsflow.workorder.plan.PlanOrder;
import io.opsflow.workorder.plan.PlanStatus;
import io.opsflow.workorder.plan.RecurringPlan;
import io.opsflow.workorder.plan.RecurringPlans;
import io.opsflow.workorder.plan.UnknownPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/work-order-plans}: recurring plans (周期任务) for supervisors, integrators and admins;
 * staff may not use them. Every change is audited and reschedules the plan from now on.
 */
@RestController
@RequestMapping("/api/v1/work-order-plans")
@Tag(name = "Recurring work-order plans", description = "Plans that create one work order per location per cycle (every N days or a Quartz cron)")
class PlanApiController {

    private final RecurringPlans plans;

    PlanApiController(RecurringPlans plans) {
        this.plans = plans;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a plan; its first cycle is scheduled at once",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "400",
                    description = "unknown skill or template, no locations, bad cron, unknown time zone, end before start")})
    PlanView create(@RequestBody PlanRequests.Plan body) {
        return full(plans.create(body.draft(), writer().id()));
    }

    @PostMapping("/preview")
    @Operation(summary = "The next five due times a plan would have from now, without saving it (400 like create)")
    List<Instant> preview(@RequestBody PlanRequests.Plan body) {
        writer();
        return plans.preview(body.draft());
    }

    @GetMapping
    @Operation(summary = "List plans by title, optionally by status (ACTIVE, PAUSED, ENDED)")
    List<PlanView> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        writer();
        return plans.list(status(status), Math.min(Math.max(1, limit), 500)).stream().map(p -> PlanView.of(p, null, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan with its next five due times and its change history",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "no such plan")})
    PlanView one(@PathVariable String id) {
        writer();
        return full(existing(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the plan's definition; it applies from now on, generated orders stay as they are",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "bad input, no version"),
                @ApiResponse(responseCode = "409", description = "changed by someone else since the version sent, or ended")})
    PlanView edit(@PathVariable String id, @RequestBody PlanRequests.Plan body) {
        String by = writer().id();
        if (body.version() == null) {
            throw new InvalidWorkOrderInput("version is required: send the version you read");
        }
        return full(plans.edit(id, body.version(), body.draft(), by));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause an active plan: no orders until it is resumed",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "409", description = "not active, or a stale version")})
    PlanView pause(@PathVariable String id, @RequestBody(required = false) PlanRequests.StatusChange body) {
        return full(plans.pause(id, version(body), writer().id()));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused plan from the next cycle after now (cycles in the pause are not made up)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "409", description = "not paused, or a stale version")})
    PlanView resume(@PathVariable String id, @RequestBody(required = false) PlanRequests.StatusChange body) {
        return full(plans.resume(id, version(body), writer().id()));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End the plan for good; its orders stay",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "409", description = "already ended, or a stale version")})
    PlanView end(@PathVariable String id, @RequestBody(required = false) PlanRequests.StatusChange body) {
        return full(plans.end(id, version(body), writer().id()));
    }

    @GetMapping("/{id}/orders")
    @Operation(summary = "The work orders the plan generated, newest cycle first")
    List<PlanOrder> orders(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        writer();
        return plans.orders(existing(id).id(), Math.min(Math.max(1, limit), 1000));
    }

    @GetMapping("/{id}/cycles")
    @Operation(summary = "The cycles the plan reached, newest first: GENERATED, or SKIPPED when missed during downtime")
    List<PlanCycle> cycles(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        writer();
        return plans.cycles(existing(id).id(), Math.min(Math.max(1, limit), 1000));
    }

    private PlanView full(RecurringPlan plan) {
        return PlanView.of(plan, plans.nextDueTimes(plan), plans.audit(plan.id()));
    }

    private RecurringPlan existing(String id) {
        return plans.find(id).orElseThrow(() -> new UnknownPlan(id));
    }

    private static CurrentUser writer() {
        CurrentUser user = CurrentUser.required();
        if (!WorkOrderAccess.mayCreate(user)) {
            throw new AccessDeniedException("supervisors, integrators and admins manage recurring plans");
        }
        return user;
    }

    private static Integer version(PlanRequests.StatusChange body) {
        return body == null ? null : body.version();
    }

    private static PlanStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PlanStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkOrderInput("status must be one of ACTIVE, PAUSED, ENDED");
        }
    }
}
