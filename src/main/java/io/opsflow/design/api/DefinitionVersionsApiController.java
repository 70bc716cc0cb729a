package io.opsflow.design.api;

import io.opsflow.design.DesignAccess;
import io.opsflow.design.deploy.DefinitionVersions;
import io.opsflow.design.deploy.UnknownDefinitionException;
import io.opsflow.design.dryrun.DryRuns;
import io.opsflow.design.model.VersionDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/definitions/{key}} (basic auth) and {@code /design/api/definitions/{key}} (the versions
 * page's session and CSRF token): deployed versions, the diff between two and a dry run. Designers and admins.
 */
@RestController
@RequestMapping({"/api/v1/definitions", DefinitionVersionsApiController.PAGE_API})
@Tag(name = "Design studio", description = "Deployed versions, visual diff and dry run (designers and admins)")
class DefinitionVersionsApiController {

    static final String PAGE_API = "/design/api/definitions";

    private final DefinitionVersions definitions;
    private final DryRuns dryRuns;

    DefinitionVersionsApiController(DefinitionVersions definitions, DryRuns dryRuns) {
        this.definitions = definitions;
        this.dryRuns = dryRuns;
    }

    /** The two versions compared and what changed from one to the other. */
    record Diff(String processKey, int from, int to, List<VersionDiff.ElementChange> changes) {}

    /**
     * A dry run's input: the version (latest when left out), the sample variables, and optionally per activity id
     * the interrupting boundary event to take there instead of the normal flow.
     */
    record DryRunRequest(Integer version, Map<String, Object> variables, Map<String, String> boundary) {}

    @GetMapping("/{key}/versions")
    @Operation(summary = "Every deployed version of a process key, newest first: deployed at/by, comment, running instances",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404")})
    List<DefinitionVersions.DefinitionVersion> versions(@PathVariable String key) {
        DesignAccess.require();
        var versions = definitions.versions(key);
        if (versions.isEmpty()) {
            throw new UnknownDefinitionException(key);
        }
        return versions;
    }

    @GetMapping(path = "/{key}/versions/{version}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The BPMN XML of one deployed version, as deployed")
    ResponseEntity<String> xml(@PathVariable String key, @PathVariable int version) {
        DesignAccess.require();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).header("X-Content-Type-Options", "nosniff")
                .body(definitions.xml(key, version));
    }

    @GetMapping("/{key}/diff")
    @Operation(summary = "Elements added, removed and changed from version 'from' to version 'to' (layout moves are no change)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404")})
    Diff diff(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        DesignAccess.require();
        return new Diff(key, from, to, VersionDiff.between(definitions.xml(key, from), definitions.xml(key, to)));
    }

    @PostMapping(path = "/{key}/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The path a new instance would take with the sample variables and who would get each user task; starts nothing",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "404")})
    DryRuns.Result dryRun(@PathVariable String key, @RequestBody(required = false) DryRunRequest body) {
        DesignAccess.require();
        return body == null ? dryRuns.run(key, null, null, null) : dryRuns.run(key, body.version(), body.variables(), body.boundary());
    }
}
