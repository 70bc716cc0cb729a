package io.opsflow.tasklist.web;

import io.opsflow.tasklist.FieldView;
import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.task.ProcessCatalog;
import io.opsflow.tasklist.task.ProcessInstances;
import io.opsflow.tasklist.task.ProcessStarter;
import io.opsflow.tasklist.task.TaskAttachments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Starting processes and looking at one's process instances. */
@Controller
class ProcessController {

    private final ProcessCatalog catalog;
    private final ProcessStarter starter;
    private final ProcessInstances instances;
    private final FieldViews fieldViews;
    private final TaskAttachments attachments;

    ProcessController(ProcessCatalog catalog, ProcessStarter starter, ProcessInstances instances, FieldViews fieldViews,
            TaskAttachments attachments) {
        this.attachments = attachments;
        this.catalog = catalog;
        this.starter = starter;
        this.instances = instances;
        this.fieldViews = fieldViews;
    }

    @GetMapping("/processes")
    String processes(Model model) {
        model.addAttribute("processes", catalog.startable(CurrentUser.required()));
        return "tasklist/processes";
    }

    @GetMapping("/processes/{key}/start")
    String startForm(@PathVariable String key, Model model) {
        return renderStart(key, null, Map.of(), model);
    }

    @PostMapping("/processes/{key}/start")
    String start(@PathVariable String key, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes flash) {
        var started = starter.start(CurrentUser.required(), key, FormInputs.from(request));
        if (!started.form().valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("warning", "Please correct the marked fields.");
            return renderStart(key, started.form().entered(), started.form().errors(), model);
        }
        flash.addFlashAttribute("message", "Process started.");
        return "redirect:/instances/" + started.processInstanceId();
    }

    private String renderStart(String key, Map<String, String> entered, Map<String, String> errors, Model model) {
        var user = CurrentUser.required();
        var state = starter.startForm(user, key);
        var values = new java.util.HashMap<>(state.values());
        if (entered != null) {
            values.putAll(entered);
        }
        model.addAttribute("process", starter.process(user, key));
        model.addAttribute("formTitle", state.definition().title());
        model.addAttribute("fields", fieldViews.of(state.definition(), values, errors));
        return "tasklist/start";
    }

    @GetMapping("/instances")
    String instances(Model model) {
        model.addAttribute("instances", instances.mine(CurrentUser.required()));
        return "tasklist/instances";
    }

    @GetMapping("/instances/{id}")
    String instance(@PathVariable String id, Model model) {
        var user = CurrentUser.required();
        model.addAttribute("instance", instances.details(user, id));
        model.addAttribute("attachments", attachments.forInstance(user, id));
        return "tasklist/instance";
    }
}
