package io.opsflow.design.web;

import io.opsflow.design.DesignAccess;
import io.opsflow.design.model.BpmnFile;
import io.opsflow.design.model.DesignModel;
import io.opsflow.design.model.ForeignAttribute;
import io.opsflow.design.model.Models;
import io.opsflow.design.model.UnknownModelException;
import io.opsflow.platform.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /design}: the list of models with new and import, and the modeller page of one model. */
@Controller
class DesignPages {

    private final Models models;

    DesignPages(Models models) {
        this.models = models;
    }

    @GetMapping("/design")
    String list(Model page) {
        DesignAccess.require();
        page.addAttribute("models", models.list());
        return "design/list";
    }

    @PostMapping("/design/new")
    String create(@RequestParam String name, @RequestParam String processKey, RedirectAttributes redirect) {
        CurrentUser user = DesignAccess.require();
        try {
            DesignModel created = models.createBlank(name, processKey, user.id());
            return "redirect:/design/models/" + created.id();
        } catch (FlowableIllegalArgumentException invalid) {
            redirect.addFlashAttribute("warning", invalid.getMessage());
            return "redirect:/design";
        }
    }

    @PostMapping("/design/import")
    String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        CurrentUser user = DesignAccess.require();
        try (InputStream in = file.getInputStream()) {
            if (file.getSize() > BpmnFile.MAX_BYTES) {
                throw BpmnFile.tooLarge();
            }
            Models.Imported imported = models.importXml(BpmnFile.read(in), user.id());
            var ignored = imported.report().ignored();
            redirect.addFlashAttribute("message", "Imported " + imported.model().name() + " (" + imported.report().source() + ")"
                    + (imported.report().usesActivitiNamespace() ? "; activiti: attributes are read by Flowable as flowable:." : "."));
            var read = imported.report().readAsFlowable();
            if (!ignored.isEmpty() || !read.isEmpty()) {
                redirect.addFlashAttribute("warning", (ignored.isEmpty() ? "" : "Flowable ignores " + ignored.size() + " Camunda attribute(s) or element(s): "
                        + ignored.stream().limit(8).map(DesignPages::describe).collect(Collectors.joining(", ")) + " (kept in the file, no effect). ")
                        + (read.isEmpty() ? "" : read.size() + " camunda: attribute(s) are read by Flowable as their flowable: twin ("
                        + read.stream().limit(8).map(ForeignAttribute::name).distinct().collect(Collectors.joining(", ")) + ")."));
            }
            return "redirect:/design/models/" + imported.model().id();
        } catch (FlowableIllegalArgumentException invalid) {
            redirect.addFlashAttribute("warning", invalid.getMessage());
            return "redirect:/design";
        }
    }

    @GetMapping("/design/models/{id}")
    String modeller(@PathVariable String id, Model page) {
        DesignAccess.require();
        try {
            page.addAttribute("model", models.model(id));
        } catch (UnknownModelException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        page.addAttribute("api", DesignAccess.PAGE_API);
        return "design/modeler";
    }

    private static String describe(ForeignAttribute foreign) {
        return foreign.name() + (foreign.elementId() == null || foreign.elementId().isBlank() ? "" : " on " + foreign.elementId());
    }
}
