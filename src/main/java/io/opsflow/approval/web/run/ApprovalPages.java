package io.opsflow.approval.web.run;

import io.opsflow.approval.assignee.People;
import io.opsflow.approval.assignee.PredictedNode;
import io.opsflow.approval.assignee.Prediction;
import io.opsflow.approval.definition.ApprovalModels;
import io.opsflow.approval.definition.UnknownDefinitionException;
import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.model.StartFormValues;
import io.opsflow.approval.print.ApprovalPrinter;
import io.opsflow.approval.run.ApprovalConflict;
import io.opsflow.approval.run.ApprovalDetail;
import io.opsflow.approval.run.ApprovalDiagram;
import io.opsflow.approval.run.ApprovalReads;
import io.opsflow.approval.run.ApprovalRuntime;
import io.opsflow.approval.run.ApprovalRuntime.AddPosition;
import io.opsflow.approval.run.InvalidApprovalInput;
import io.opsflow.approval.run.InvalidFormValues;
import io.opsflow.approval.run.NotAllowed;
import io.opsflow.approval.run.ResubmitForm;
import io.opsflow.approval.run.UrgedTooSoon;
import io.opsflow.platform.CurrentUser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import io.opsflow.printing.PrintException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The approval pages: {@code /approvals} (to do, done, my approvals, CC'd to me, start) and
 * {@code /approvals/{id}} (form values, node progress, timeline, and a button for every operation the
 * caller may try). Refusals come back as a warning on the same page, nothing changed.
 */
@Controller
class ApprovalPages {

    private final ApprovalRuntime runtime;
    private final ApprovalReads reads;
    private final ApprovalPrinter printer;
    private final ApprovalDiagram diagram;
    private final ApprovalModels models;
    private final Prediction prediction;
    private final People people;
    private final ResubmitForm resubmitForm;

    private static final ApprovalForm PLAIN_FORM = new ApprovalForm(List.of(
            new FormFieldSpec("title", "Title", "text", true, null, 200, null, null, null, null, null, null, null, null, null),
            new FormFieldSpec("details", "Details", "textarea", null, null, 4000, null, null, null, null, null, null, null, null, null)));

    ApprovalPages(ApprovalRuntime runtime, ApprovalReads reads, ApprovalPrinter printer, ApprovalDiagram diagram, ApprovalModels models,
            People people, ResubmitForm resubmitForm) {
        this.resubmitForm = resubmitForm;
        this.runtime = runtime;
        this.reads = reads;
        this.printer = printer;
        this.diagram = diagram;
        this.models = models;
        this.prediction = new Prediction(people);
        this.people = people;
    }

    @GetMapping("/approvals")
    String list(@RequestParam(defaultValue = "todo") String view, @RequestParam(required = false) String start, Model model) {
        List<ApprovalReads.StartableApproval> startable = listPage(view, model);
        String chosen = startable.stream().map(ApprovalReads.StartableApproval::key).filter(k -> k.equals(start)).findFirst()
                .orElse(startable.isEmpty() ? null : startable.get(0).key());
        if (chosen != null) {
            startForm(model, chosen, formOf(designed(chosen)), Map.of(), Map.of());
        }
        return "approval/list";
    }

    /**
     * "Preview approvers": the list page again with the start form kept and who each approver node would go
     * to with the values filled in (a condition on an amount field picks its branch); nothing is required yet.
     */
    @PostMapping("/approvals/preview")
    String preview(@RequestParam String definitionKey, @RequestParam Map<String, String> params, Model model) {
        CurrentUser user = CurrentUser.required();
        List<ApprovalReads.StartableApproval> startable = listPage("mine", model);
        SimpleModel designed = designed(definitionKey);
        ApprovalForm form = formOf(designed);
        StartFormValues.Result read = StartFormValues.read(form, params, people, false);
        startForm(model, definitionKey, form, read.entered(), read.errors());
        boolean known = startable.stream().anyMatch(d -> d.key().equals(definitionKey));
        List<PredictedNode> predicted = known && designed != null ? predict(designed, user, read.values()) : null;
        model.addAttribute("predicted", predicted);
        if (predicted == null) {
            model.addAttribute("warning", "No preview for this approval: it was not made in the designer.");
        }
        return "approval/list";
    }

    /**
     * Starts the approval with every field of its start form, checked against the form (decision 0072); a
     * problem answers 400 with the page again, the message beside its field and everything entered kept.
     */
    @PostMapping("/approvals/start")
    String start(@RequestParam String definitionKey, @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.required();
        ApprovalForm form = formOf(designed(definitionKey));
        StartFormValues.Result read = StartFormValues.read(form, params, people, true);
        String problem;
        if (read.valid()) {
            try {
                String id = runtime.start(definitionKey, read.values(), user);
                redirect.addFlashAttribute("message", "Started.");
                return "redirect:/approvals/" + id;
            } catch (InvalidApprovalInput | ApprovalConflict | io.opsflow.approval.run.UnknownApproval e) {
                problem = e.getMessage();
            }
        } else {
            problem = fieldsToChange(read.errors().size());
        }
        listPage("mine", model);
        startForm(model, definitionKey, form, read.entered(), read.errors());
        model.addAttribute("warning", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "approval/list";
    }

    /** The tab's rows and the approvals one can start (returned, for the start form's choice). */
    private List<ApprovalReads.StartableApproval> listPage(String view, Model model) {
        CurrentUser user = CurrentUser.required();
        model.addAttribute("view", view);
        model.addAttribute("rows", switch (view) {
            case "done" -> reads.done(user);
            case "mine" -> reads.mine(user);
            case "cc" -> reads.ccToMe(user);
            default -> reads.todo(user);
        });
        List<ApprovalReads.StartableApproval> startable = reads.startable();
        model.addAttribute("startable", startable);
        return startable;
    }

    private void startForm(Model model, String key, ApprovalForm form, Map<String, String> entered, Map<String, String> errors) {
        model.addAttribute("chosenKey", key);
        model.addAttribute("startFields", StartFields.of(StartFormValues.shown(form), entered, errors));
        model.addAttribute("startFiles", form.fields().stream().filter(f -> "file".equals(f.type())).map(f -> f.label() == null ? f.id() : f.label())
                .toList());
    }

    /** The approval's simple model, read once per request; null for hand-written approvals (no simple model). */
    private SimpleModel designed(String key) {
        try {
            return models.latest(key);
        } catch (UnknownDefinitionException | IllegalStateException e) {
            return null;
        }
    }

    /** The designed approval's form; hand-written approvals (or a model without fields) ask for a title and details. */
    private static ApprovalForm formOf(SimpleModel designed) {
        return designed == null || designed.form().fields().isEmpty() ? PLAIN_FORM : designed.form();
    }

    private List<PredictedNode> predict(SimpleModel designed, CurrentUser user, Map<String, Object> values) {
        try {
            return prediction.predict(designed, user.id(), values);
        } catch (IllegalStateException e) { // a model the prediction cannot follow
            return null;
        }
    }

    private static String fieldsToChange(int count) {
        return count == 1 ? "One field needs a change: see the message beside it."
                : count + " fields need a change: see the messages beside them.";
    }

    @GetMapping("/approvals/{id}")
    String detail(@PathVariable String id, Model model) {
        detailPage(id, CurrentUser.required(), model, Map.of(), Map.of());
        return "approval/detail";
    }

    /**
     * The approval page; the starter's resubmit form shows the fields of the form the approval runs with their values,
     * overridden by {@code entered} (what a refused resubmission sent) and the problems beside them.
     */
    private void detailPage(String id, CurrentUser user, Model model, Map<String, String> entered, Map<String, String> errors) {
        ApprovalDetail detail = reads.detail(id, user);
        model.addAttribute("a", detail);
        model.addAttribute("diagram", diagram.svg(id, user));
        model.addAttribute("me", user.id());
        ApprovalDetail.OpenTask mine = detail.openTasks().stream().filter(t -> user.id().equals(t.assignee())).findFirst().orElse(null);
        model.addAttribute("myTask", mine);
        model.addAttribute("returnTargets", mine == null || "starter".equals(mine.nodeId()) || mine.delegated() ? List.of()
                : runtime.returnTargets(mine.taskId(), user));
        model.addAttribute("isStarter", user.id().equals(detail.summary().starter()));
        model.addAttribute("mayCancel", "RUNNING".equals(detail.summary().state()) && (user.isAdmin() || user.id().equals(detail.summary().starter())));
        boolean returnedToMe = mine != null && "starter".equals(mine.nodeId());
        model.addAttribute("resubmitFields", !returnedToMe ? null : resubmitForm.of(id)
                .map(designed -> {
                    Map<String, String> shown = new LinkedHashMap<>(ResubmitFields.current(designed.form(), detail.form()));
                    shown.putAll(entered);
                    return StartFields.of(StartFormValues.shown(designed.form()), shown, errors, ResubmitFields.PREFIX);
                })
                .orElse(null));
    }

    /**
     * Resubmits with the page's {@code form.<field>} values, checked against the form the approval runs (decision
     * 0078); a value that does not fit answers 400 with the page again, the messages beside the fields and what was
     * entered kept, the task still open.
     */
    @PostMapping("/approvals/tasks/{taskId}/resubmit")
    String resubmit(@PathVariable String taskId, @RequestParam String approvalId, @RequestParam(defaultValue = "") String comment,
            @RequestParam Map<String, String> params, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.required();
        ApprovalForm form = resubmitForm.of(approvalId).map(SimpleModel::form).orElse(null);
        Map<String, String> sent = ResubmitFields.sent(params, form);
        try {
            return act(approvalId, redirect, () -> {
                runtime.resubmit(taskId, sent, comment, me);
                return done("resubmit");
            });
        } catch (InvalidFormValues e) {
            detailPage(approvalId, me, model, sent, e.fieldErrors());
            model.addAttribute("resubmitComment", comment);
            model.addAttribute("warning", fieldsToChange(e.fieldErrors().size()) + ResubmitFields.notShown(e.fieldErrors(), form));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "approval/detail";
        }
    }

    /** The same PDF as {@code GET /api/v1/approvals/{id}/print}, for the page's session. */
    @GetMapping("/approvals/{id}/print")
    ResponseEntity<byte[]> print(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"approval-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".pdf\"")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .body(printer.print(id, CurrentUser.required()));
        } catch (PrintException e) {
            String page = "/approvals/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
            RequestContextUtils.getOutputFlashMap(request).put("warning", "The approval could not be printed now: " + e.getMessage());
            RequestContextUtils.saveOutputFlashMap(page, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + page)).build();
        }
    }

    @PostMapping("/approvals/tasks/{taskId}/{operation}")
    String taskOperation(@PathVariable String taskId, @PathVariable String operation, @RequestParam String approvalId,
            @RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String user,
            @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "AFTER") String position,
            RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.required();
        return act(approvalId, redirect, () -> {
            switch (operation) {
                case "approve" -> runtime.approve(taskId, comment, me);
                case "reject" -> runtime.reject(taskId, null, comment, me);
                case "return" -> runtime.returnTo(taskId, target, comment, me);
                case "transfer" -> runtime.transfer(taskId, user, comment, me);
                case "delegate" -> runtime.delegate(taskId, user, comment, me);
                case "resolve" -> runtime.resolve(taskId, comment, me);
                case "add-approvers" -> runtime.addApprovers(taskId, users(user), "BEFORE".equals(position) ? AddPosition.BEFORE : AddPosition.AFTER,
                        comment, me);
                case "remove-approver" -> runtime.removeApprover(taskId, user, comment, me);
                default -> throw new InvalidApprovalInput("Unknown operation.");
            }
            return done(operation);
        });
    }

    @PostMapping("/approvals/{id}/{operation}")
    String instanceOperation(@PathVariable String id, @PathVariable String operation, @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String user, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.required();
        return act(id, redirect, () -> {
            switch (operation) {
                case "cc" -> runtime.cc(id, users(user), comment, me);
                case "withdraw" -> runtime.withdraw(id, comment, me);
                case "cancel" -> runtime.cancel(id, comment, me);
                case "urge" -> runtime.urge(id, comment, me);
                default -> throw new InvalidApprovalInput("Unknown operation.");
            }
            return done(operation);
        });
    }

    private String act(String approvalId, RedirectAttributes redirect, java.util.function.Supplier<String> work) {
        try {
            redirect.addFlashAttribute("message", work.get());
        } catch (InvalidApprovalInput | ApprovalConflict | NotAllowed | UrgedTooSoon | io.opsflow.approval.run.UnknownApproval e) {
            redirect.addFlashAttribute("warning", e.getMessage());
        } catch (FlowableOptimisticLockingException e) {
            redirect.addFlashAttribute("warning", "Someone else acted on this approval at the same time; here is its current state.");
        }
        return "redirect:/approvals/" + approvalId;
    }

    private static String done(String operation) {
        return switch (operation) {
            case "approve" -> "Approved.";
            case "reject" -> "Rejected: the approval has ended.";
            case "return" -> "Returned.";
            case "transfer" -> "Transferred.";
            case "delegate" -> "Delegated; it comes back to you when they are done.";
            case "resolve" -> "Handed back.";
            case "add-approvers" -> "Approvers added.";
            case "remove-approver" -> "Approver removed.";
            case "resubmit" -> "Resubmitted.";
            case "cc" -> "Copied.";
            case "withdraw" -> "Withdrawn: your node is open again.";
            case "cancel" -> "Cancelled.";
            case "urge" -> "Reminder sent.";
            default -> "Done.";
        };
    }

    private static List<String> users(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
