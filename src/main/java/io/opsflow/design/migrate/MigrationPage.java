package io.opsflow.design.migrate;

import io.opsflow.design.DesignAccess;
import io.opsflow.design.deploy.DefinitionVersions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /design/definitions/{key}/migrate}: pick two versions, preview, map renamed activities, start and watch the batch. */
@Controller
class MigrationPage {

    private final DefinitionVersions definitions;

    MigrationPage(DefinitionVersions definitions) {
        this.definitions = definitions;
    }

    @GetMapping("/design/definitions/{key}/migrate")
    String page(@PathVariable String key, Model page) {
        DesignAccess.require();
        var versions = definitions.versions(key);
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        page.addAttribute("processKey", key);
        page.addAttribute("versions", versions);
        // The newest version by default as target, the newest older one with running instances as source.
        int to = versions.get(0).version();
        int from = versions.stream().skip(1).filter(v -> v.runningInstances() > 0).mapToInt(DefinitionVersions.DefinitionVersion::version)
                .findFirst().orElse(versions.size() > 1 ? versions.get(1).version() : to);
        page.addAttribute("defaultFrom", from);
        page.addAttribute("defaultTo", to);
        page.addAttribute("api", MigrationApiController.PAGE_API.replace("{key}", key));
        return "design/migrate";
    }
}
