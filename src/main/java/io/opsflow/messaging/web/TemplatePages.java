package io.opsflow.messaging.web;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.template.MessageTemplate;
import io.opsflow.messaging.template.TemplateException;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import java.util.HashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/messaging/templates}: list, edit with a preview on sample data, delete. */
@Controller
class TemplatePages {

    private final Templates templates;

    TemplatePages(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/admin/messaging/templates")
    String list(@RequestParam(required = false) String edit, Model model) {
        model.addAttribute("templates", templates.all());
        if (!model.containsAttribute("editing")) {
            model.addAttribute("editing", edit == null ? null : templates.byId(edit).orElse(null));
        }
        model.addAttribute("types", ChannelType.values());
        model.addAttribute("formats", TemplateFormat.values());
        return "messaging/admin-templates";
    }

    @PostMapping("/admin/messaging/templates")
    String save(
            @RequestParam(required = false) String id,
            @RequestParam String code,
            @RequestParam ChannelType channelType,
            @RequestParam TemplateFormat format,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam String body,
            @RequestParam(defaultValue = "general") String messageType,
            @RequestParam(defaultValue = "false") boolean urgent,
            @RequestParam(defaultValue = "") String sample,
            @RequestParam(defaultValue = "save") String action,
            RedirectAttributes redirect) {
        var template = new MessageTemplate(id == null || id.isBlank() ? null : id, code.trim(), channelType, format,
                subject.isBlank() ? null : subject, body, messageType.trim(), urgent);
        try {
            if (action.equals("preview")) {
                redirect.addFlashAttribute("editing", template);
                redirect.addFlashAttribute("sample", sample);
                redirect.addFlashAttribute("preview", templates.render(template, new HashMap<>(KeyValueLines.parse(sample))));
            } else {
                redirect.addFlashAttribute("notice", "Saved template '" + templates.save(template).code() + "'.");
            }
        } catch (TemplateException | IllegalArgumentException e) {
            redirect.addFlashAttribute("editing", template);
            redirect.addFlashAttribute("sample", sample);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/messaging/templates";
    }

    @PostMapping("/admin/messaging/templates/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", templates.delete(id) ? "Template deleted." : "No such template.");
        return "redirect:/admin/messaging/templates";
    }
}
