package io.opsflow.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST, the lockout and the session. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
