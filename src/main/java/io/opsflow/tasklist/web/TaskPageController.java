package io.opsflow.tasklist.web;

import io.opsflow.tasklist.FieldView;
import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.form.ValidatedForm;
import io.opsflow.tasklist.task.TaskAttachments;
import io.opsflow.tasklist.task.TaskComments;
import io.opsflow.tasklist.task.TaskCompletion;
import io.opsflow.tasklist.task.TaskConflictException;
import io.opsflow.tasklist.task.TaskFinder;
import io.opsflow.tasklist.task.TaskForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One task: details, its form, comments and attachments; completing it. */
@Controller
class TaskPageController {

    private final TaskFinder finder;
    private final TaskForms forms;
    private final TaskCompletion completion;
    private final TaskComments comments;
    private final TaskAttachments attachments;
    private final FieldViews fieldViews;

    TaskPageController(TaskFinder finder, TaskForms forms, TaskCompletion completion, TaskComments comments,
            TaskAttachments attachments, FieldViews fieldViews) {
        this.finder = finder;
        this.forms = forms;
        this.completion = completion;
        this.comments = comments;
        this.attachments = attachments;
        this.fieldViews = fieldViews;
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable String id, Model model) {
        return render(id, Map.of(), Map.of(), model);
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes flash) {
        ValidatedForm result;
        try {
            result = completion.complete(CurrentUser.required(), id, FormInputs.from(request));
        } catch (TaskConflictException e) {
            flash.addFlashAttribute("warning", e.getMessage());
            return "redirect:/tasks";
        }
        if (!result.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("warning", "Please correct the marked fields.");
            return render(id, result.entered(), result.errors(), model);
        }
        flash.addFlashAttribute("message", "Task completed.");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/comments")
    String comment(@PathVariable String id, @RequestParam(defaultValue = "") String message, RedirectAttributes flash) {
        try {
            comments.add(CurrentUser.required(), id, message);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("warning", e.getMessage());
        }
        return "redirect:/tasks/" + id + "#comments";
    }

    private String render(String id, Map<String, String> entered, Map<String, String> errors, Model model) {
        var user = CurrentUser.required();
        var task = finder.summary(user, id);
        var state = forms.forTask(user, id);
        Map<String, String> values = new HashMap<>(state.values());
        state.definition().fields().stream().filter(f -> !f.readOnly() && entered.containsKey(f.id()))
                .forEach(f -> values.put(f.id(), entered.get(f.id())));
        model.addAttribute("task", task);
        model.addAttribute("formTitle", state.definition().title());
        model.addAttribute("fields", fieldViews.of(state.definition(), values, errors));
        model.addAttribute("mine", user.id().equals(task.assignee()));
        model.addAttribute("workPage", forms.page(user, id).orElse(null));
        model.addAttribute("comments", comments.list(user, id));
        model.addAttribute("attachments", attachments.forInstance(user, task.processInstanceId()));
        return "tasklist/task";
    }
}
