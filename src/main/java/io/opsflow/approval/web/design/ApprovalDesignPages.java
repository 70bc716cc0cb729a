package io.opsflow.approval.web.design;

import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.definition.DefinitionConflictException;
import io.opsflow.approval.definition.Draft;
import io.opsflow.approval.definition.UnknownDefinitionException;
import io.opsflow.approval.model.InvalidModelException;
import io.opsflow.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval designer pages (designers and admins, by the web rule for {@code /approvals/design/**}):
 * the list of approvals with "New", and the chain editor, whose script talks to the design API at
 * {@code /approvals/design/api} with the page's session and CSRF token.
 */
@Controller
class ApprovalDesignPages {

    static final String PAGE_API = "/approvals/design/api";

    private final ApprovalDefinitions definitions;

    ApprovalDesignPages(ApprovalDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping("/approvals/design")
    String list(Model model) {
        model.addAttribute("drafts", definitions.list());
        return "approval/design-list";
    }

    @PostMapping("/approvals/design/new")
    String create(@RequestParam String code, @RequestParam String name, RedirectAttributes redirect) {
        try {
            Draft draft = definitions.create(StarterModel.of(code.strip(), name.strip()), CurrentUser.required().id());
            redirect.addFlashAttribute("message", "Created. Add nodes, then save and publish.");
            return "redirect:/approvals/design/" + draft.code();
        } catch (InvalidModelException | DefinitionConflictException e) {
            redirect.addFlashAttribute("warning", e.getMessage());
            return "redirect:/approvals/design";
        }
    }

    @GetMapping("/approvals/design/{code}")
    String editor(@PathVariable String code, Model model) {
        Draft draft = definitions.get(code);
        model.addAttribute("draft", draft);
        model.addAttribute("api", PAGE_API);
        return "approval/designer";
    }

    @ExceptionHandler(UnknownDefinitionException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown(UnknownDefinitionException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("error", "Not Found");
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
