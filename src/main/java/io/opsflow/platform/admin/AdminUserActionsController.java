package io.opsflow.platform.admin;

import io.opsflow.platform.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-button actions on a user's page; each reports back on that page. */
@Controller
@RequestMapping("/admin/users/{id}")
class AdminUserActionsController {

    private final UserAdministration administration;

    AdminUserActionsController(UserAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/password")
    String resetPassword(@PathVariable String id, @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        return act(id, redirect, "Password of " + id + " changed. Tell them the new one in person.",
                () -> administration.resetPassword(admin(), id, password));
    }

    @PostMapping("/disable")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, id + " is disabled and cannot log in.", () -> administration.setDisabled(admin(), id, true));
    }

    @PostMapping("/enable")
    String enable(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, id + " is enabled again.", () -> administration.setDisabled(admin(), id, false));
    }

    @PostMapping("/unlock")
    String unlock(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, id + " is unlocked.", () -> administration.unlock(admin(), id));
    }

    private static String act(String id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    private static String admin() {
        return CurrentUser.required().id();
    }
}
