package io.opsflow.workorder.web;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.assignment.AssignmentRanking;
import io.opsflow.workorder.order.AssignmentAudit;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.order.WorkOrderConflict;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.process.WorkOrderProcess;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supervisor pages, phone first: {@code /work-orders} lists orders and creates one from a template in
 * a few taps; {@code /work-orders/{id}} shows checklist, why it went to whom, the ranking now, the
 * assignment history and a reassign form. Staff see their own orders read-only.
 */
@Controller
class WorkOrderPages {

    private static final DisplayTimes TIMES = new DisplayTimes();

    private final WorkOrderStore store;
    private final EmergencyTemplates templates;
    private final AssignmentAudit audit;
    private final AssignmentRanking ranking;
    private final WorkOrderProcess process;
    private final Clock clock;
    private final WorkView workView;

    WorkOrderPages(WorkOrderStore store, EmergencyTemplates templates, AssignmentAudit audit, AssignmentRanking ranking,
            WorkOrderProcess process, Clock clock, WorkView workView) {
        this.workView = workView;
        this.store = store;
        this.templates = templates;
        this.audit = audit;
        this.ranking = ranking;
        this.process = process;
        this.clock = clock;
    }

    @GetMapping("/work-orders")
    String list(Model model) {
        CurrentUser user = CurrentUser.required();
        boolean all = WorkOrderAccess.seesAll(user);
        model.addAttribute("orders", store.search(null, all ? null : user.id(), null, 100));
        model.addAttribute("supervisor", all);
        model.addAttribute("templates", templates.all());
        model.addAttribute("times", TIMES);
        return "workorder/list";
    }

    @PostMapping("/work-orders")
    String create(@RequestParam String templateCode, @RequestParam String location, @RequestParam(defaultValue = "50") int priority,
            @RequestParam(defaultValue = "4") int dueInHours, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.required();
        WorkOrderAccess.requireSupervisor(user);
        try {
            WorkOrder created = process.createFromTemplate(templateCode, null, location, priority,
                    clock.instant().plus(Duration.ofHours(Math.max(1, dueInHours))), user.id());
            redirect.addFlashAttribute("message", "Created " + created.number() + ": "
                    + (created.assignee() == null ? "nobody qualifies, waiting for dispatch." : "assigned to " + created.assignee() + "."));
            return "redirect:/work-orders/" + created.id();
        } catch (InvalidWorkOrderInput e) {
            redirect.addFlashAttribute("warning", e.getMessage());
            return "redirect:/work-orders";
        }
    }

    @GetMapping("/work-orders/{id}")
    String detail(@PathVariable String id, Model model) {
        CurrentUser user = CurrentUser.required();
        WorkOrder order = visible(id, user);
        boolean supervisor = WorkOrderAccess.seesAll(user);
        model.addAttribute("order", order);
        var checklist = store.checklist(id);
        model.addAttribute("checklist", checklist);
        model.addAllAttributes(workView.of(order, checklist, user));
        model.addAttribute("explanation", ExplanationView.parse(order.explanation()));
        model.addAttribute("history", audit.of(id));
        model.addAttribute("supervisor", supervisor);
        model.addAttribute("ranking", supervisor ? ranking.rank(order.skills()) : null);
        model.addAttribute("times", TIMES);
        return "workorder/detail";
    }

    @PostMapping("/work-orders/{id}/reassign")
    String reassign(@PathVariable String id, @RequestParam String assignee, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.required();
        WorkOrderAccess.requireSupervisor(user);
        try {
            WorkOrder order = process.reassign(visible(id, user), assignee.trim(), reason, user.id());
            redirect.addFlashAttribute("message", order.number() + " is now assigned to " + order.assignee() + ".");
        } catch (InvalidWorkOrderInput | WorkOrderConflict e) {
            redirect.addFlashAttribute("warning", e.getMessage());
        }
        return "redirect:/work-orders/" + id;
    }

    private WorkOrder visible(String id, CurrentUser user) {
        return store.find(id).filter(o -> WorkOrderAccess.sees(user, o))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
