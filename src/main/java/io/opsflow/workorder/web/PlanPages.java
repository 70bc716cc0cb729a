package io.opsflow.workorder.web;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.order.WorkOrderConflict;
import io.opsflow.workorder.plan.PlanSettings;
import io.opsflow.workorder.plan.RecurringPlan;
import io.opsflow.workorder.plan.RecurringPlans;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recurring plans on the phone, for supervisors, integrators and admins: {@code /work-order-plans}
 * lists them; the form previews the next five due times before saving; a plan's page shows its
 * generated orders and skipped cycles with pause, resume and end buttons.
 */
@Controller
class PlanPages {

    private static final PlanTimes TIMES = new PlanTimes();

    private final RecurringPlans plans;
    private final EmergencyTemplates templates;
    private final PlanSettings settings;

    PlanPages(RecurringPlans plans, EmergencyTemplates templates, PlanSettings settings) {
        this.plans = plans;
        this.templates = templates;
        this.settings = settings;
    }

    @GetMapping("/work-order-plans")
    String list(Model model) {
        writer();
        model.addAttribute("plans", plans.list(null, 200));
        model.addAttribute("times", TIMES);
        return "workorder/plans";
    }

    @GetMapping("/work-order-plans/new")
    String newPlan(Model model) {
        writer();
        PlanForm form = new PlanForm();
        form.setZone(settings.zone().getId());
        form.setStartDate(LocalDate.now(settings.zone()).toString());
        return form(model, form, null, null);
    }

    @PostMapping("/work-order-plans")
    String create(@ModelAttribute PlanForm form, @RequestParam(defaultValue = "save") String action, Model model,
            RedirectAttributes redirect) {
        String by = writer().id();
        try {
            if ("preview".equals(action)) {
                return form(model, form, null, plans.preview(form.draft()));
            }
            RecurringPlan created = plans.create(form.draft(), by);
            redirect.addFlashAttribute("message", "Plan " + created.title() + " saved: " + created.cycleText() + ".");
            return "redirect:/work-order-plans/" + created.id();
        } catch (InvalidWorkOrderInput e) {
            model.addAttribute("warning", e.getMessage());
            return form(model, form, null, null);
        }
    }

    @GetMapping("/work-order-plans/{id}")
    String detail(@PathVariable String id, Model model) {
        writer();
        RecurringPlan plan = existing(id);
        model.addAttribute("plan", plan);
        model.addAttribute("nextDue", plans.nextDueTimes(plan));
        model.addAttribute("orders", plans.orders(id, 100));
        model.addAttribute("cycles", plans.cycles(id, 100).stream().filter(c -> "SKIPPED".equals(c.outcome())).toList());
        model.addAttribute("history", plans.audit(id));
        model.addAttribute("times", TIMES);
        return "workorder/plan-detail";
    }

    @GetMapping("/work-order-plans/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        writer();
        RecurringPlan plan = existing(id);
        return form(model, PlanForm.of(plan), plan, null);
    }

    @PostMapping("/work-order-plans/{id}")
    String update(@PathVariable String id, @ModelAttribute PlanForm form, @RequestParam(defaultValue = "save") String action, Model model,
            RedirectAttributes redirect) {
        String by = writer().id();
        RecurringPlan plan = existing(id);
        try {
            if ("preview".equals(action)) {
                return form(model, form, plan, plans.preview(form.draft()));
            }
            RecurringPlan saved = plans.edit(id, form.getVersion() == null ? -1 : form.getVersion(), form.draft(), by);
            redirect.addFlashAttribute("message", "Saved. From now on: " + saved.cycleText() + ".");
            return "redirect:/work-order-plans/" + id;
        } catch (InvalidWorkOrderInput | WorkOrderConflict e) {
            model.addAttribute("warning", e.getMessage());
            return form(model, form, plan, null);
        }
    }

    @PostMapping("/work-order-plans/{id}/{change:pause|resume|end}")
    String change(@PathVariable String id, @PathVariable String change, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        String by = writer().id();
        existing(id);
        try {
            RecurringPlan plan = switch (change) {
                case "pause" -> plans.pause(id, version, by);
                case "resume" -> plans.resume(id, version, by);
                default -> plans.end(id, version, by);
            };
            redirect.addFlashAttribute("message", "Plan " + plan.title() + " is now " + plan.status() + ".");
        } catch (WorkOrderConflict e) {
            redirect.addFlashAttribute("warning", e.getMessage());
        }
        return "redirect:/work-order-plans/" + id;
    }

    private String form(Model model, PlanForm form, RecurringPlan plan, List<Instant> preview) {
        model.addAttribute("form", form);
        model.addAttribute("plan", plan);
        model.addAttribute("templates", templates.all());
        model.addAttribute("preview", preview);
        model.addAttribute("previewZone", zoneOf(form));
        model.addAttribute("times", TIMES);
        return "workorder/plan-form";
    }

    private ZoneId zoneOf(PlanForm form) {
        try {
            return form.getZone() == null || form.getZone().isBlank() ? settings.zone() : ZoneId.of(form.getZone().trim());
        } catch (RuntimeException e) {
            return settings.zone();
        }
    }

    private RecurringPlan existing(String id) {
        return plans.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static CurrentUser writer() {
        CurrentUser user = CurrentUser.required();
        if (!WorkOrderAccess.mayCreate(user)) {
            throw new AccessDeniedException("supervisors, integrators and admins manage recurring plans");
        }
        return user;
    }
}
