package io.opsflow.tasklist.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the person's own task list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }
}
