package io.opsflow.design.web;

import io.opsflow.design.DesignAccess;
import io.opsflow.design.deploy.DefinitionVersions;
import io.opsflow.design.deploy.UnknownDefinitionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /design/definitions/{key}}: the deployed versions of a process, a visual diff of two, and a dry run. */
@Controller
class DefinitionPages {

    private final DefinitionVersions definitions;

    DefinitionPages(DefinitionVersions definitions) {
        this.definitions = definitions;
    }

    @GetMapping("/design/definitions/{key}")
    String versions(@PathVariable String key, Model page) {
        DesignAccess.require();
        try {
            var latest = definitions.definition(key, null);
            page.addAttribute("key", latest.getKey());
            page.addAttribute("name", latest.getName() == null ? latest.getKey() : latest.getName());
        } catch (UnknownDefinitionException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        page.addAttribute("api", "/design/api/definitions");
        return "design/definition";
    }
}
