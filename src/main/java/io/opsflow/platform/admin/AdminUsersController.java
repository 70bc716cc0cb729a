package io.opsflow.platform.admin;

import io.opsflow.platform.CurrentUser;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user list and the create and edit forms; access is limited to admins by the web security chain. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final UserDirectory directory;
    private final UserAdministration administration;

    AdminUsersController(UserDirectory directory, UserAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", directory.search(q, page));
        return "admin/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        return newUserForm(model, UserForms.NewUser.empty(), Map.of());
    }

    @PostMapping
    String create(@ModelAttribute UserForms.NewUser form, Model model, RedirectAttributes redirect) {
        try {
            administration.create(CurrentUser.required().id(), form);
        } catch (InvalidInput invalid) {
            return newUserForm(model, form.withoutPassword(), invalid.errors());
        }
        redirect.addFlashAttribute("message", "User " + form.id() + " created.");
        return "redirect:/admin/users/" + form.id();
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        var user = directory.find(id).orElseThrow(() -> new UnknownUser(id));
        var form = new UserForms.UserChanges(
                user.firstName(), user.lastName(), user.row().email(), user.row().groups(), String.join(", ", user.skills()));
        return editForm(model, id, form, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute UserForms.UserChanges form, Model model, RedirectAttributes redirect) {
        try {
            administration.update(CurrentUser.required().id(), id, form);
        } catch (InvalidInput invalid) {
            return editForm(model, id, form, invalid.errors());
        }
        redirect.addFlashAttribute("message", "Changes to " + id + " saved.");
        return "redirect:/admin/users/" + id;
    }

    private String newUserForm(Model model, UserForms.NewUser form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", directory.groups());
        model.addAttribute("knownSkills", directory.knownSkills());
        return "admin/user-new";
    }

    private String editForm(Model model, String id, UserForms.UserChanges form, Map<String, String> errors) {
        var user = directory.find(id).orElseThrow(() -> new UnknownUser(id));
        model.addAttribute("user", user.row());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", directory.groups());
        model.addAttribute("knownSkills", directory.knownSkills());
        model.addAttribute("self", id.equals(CurrentUser.required().id()));
        return "admin/user-edit";
    }
}
