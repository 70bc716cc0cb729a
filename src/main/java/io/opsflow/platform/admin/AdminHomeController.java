package io.opsflow.platform.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin} itself opens the user list. */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    String home() {
        return "redirect:/admin/users";
    }
}
