package io.opsflow.platform.admin;

import io.opsflow.platform.CurrentUser;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The groups page: every group with its members, and a form to add a team group. */
@Controller
@RequestMapping("/admin/groups")
class AdminGroupsController {

    private final TeamGroups teamGroups;

    AdminGroupsController(TeamGroups teamGroups) {
        this.teamGroups = teamGroups;
    }

    @GetMapping
    String groups(Model model) {
        return page(model, "", "", Map.of());
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect) {
        try {
            teamGroups.create(CurrentUser.required().id(), id.strip(), name);
        } catch (InvalidInput invalid) {
            return page(model, id, name, invalid.errors());
        }
        redirect.addFlashAttribute("message", "Team group " + id.strip() + " created. Add members on their user pages.");
        return "redirect:/admin/groups";
    }

    private String page(Model model, String id, String name, Map<String, String> errors) {
        model.addAttribute("groups", teamGroups.overview());
        model.addAttribute("newId", id);
        model.addAttribute("newName", name);
        model.addAttribute("errors", errors);
        return "admin/groups";
    }
}
