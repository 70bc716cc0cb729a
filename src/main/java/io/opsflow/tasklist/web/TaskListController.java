package io.opsflow.tasklist.web;

import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.task.ProcessCatalog;
import io.opsflow.tasklist.task.TaskClaims;
import io.opsflow.tasklist.task.TaskConflictException;
import io.opsflow.tasklist.task.TaskFilter;
import io.opsflow.tasklist.task.TaskFinder;
import io.opsflow.tasklist.task.TaskPage;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My tasks" and "Group tasks", with filters, paging, claim and unclaim. */
@Controller
class TaskListController {

    private final TaskFinder finder;
    private final TaskClaims claims;
    private final ProcessCatalog catalog;

    TaskListController(TaskFinder finder, TaskClaims claims, ProcessCatalog catalog) {
        this.finder = finder;
        this.claims = claims;
        this.catalog = catalog;
    }

    @GetMapping("/tasks")
    String mine(
            @RequestParam(required = false) String process,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) Integer minPriority,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var filter = new TaskFilter(process, dueBefore, minPriority);
        return list(finder.mine(CurrentUser.required(), filter, page, TaskFinder.PAGE_SIZE), filter, "mine", model);
    }

    @GetMapping("/tasks/group")
    String group(
            @RequestParam(required = false) String process,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) Integer minPriority,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var filter = new TaskFilter(process, dueBefore, minPriority);
        return list(finder.group(CurrentUser.required(), filter, page, TaskFinder.PAGE_SIZE), filter, "group", model);
    }

    private String list(TaskPage tasks, TaskFilter filter, String scope, Model model) {
        model.addAttribute("tasks", tasks);
        model.addAttribute("filter", filter);
        model.addAttribute("scope", scope);
        model.addAttribute("processes", catalog.all());
        return "tasklist/tasks";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes flash) {
        try {
            claims.claim(CurrentUser.required(), id);
            flash.addFlashAttribute("message", "The task is yours now.");
            return "redirect:/tasks/" + id;
        } catch (TaskConflictException e) {
            flash.addFlashAttribute("warning", e.getMessage());
            return "redirect:/tasks/group";
        }
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, RedirectAttributes flash) {
        try {
            claims.unclaim(CurrentUser.required(), id);
            flash.addFlashAttribute("message", "The task is back in the group list.");
        } catch (TaskConflictException e) {
            flash.addFlashAttribute("warning", e.getMessage());
        }
        return "redirect:/tasks";
    }
}
