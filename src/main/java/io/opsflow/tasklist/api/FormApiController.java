package io.opsflow.tasklist.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.form.FormEditing;
import io.opsflow.tasklist.form.FormJson;
import io.opsflow.tasklist.form.FormStore;
import io.opsflow.tasklist.form.FormVersion;
import io.opsflow.tasklist.form.InvalidFormException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/forms} (basic auth) and the same at {@code /design/api/forms} for the form designer
 * page (session and CSRF token). Everyone signed in may read forms; designers and admins write.
 */
@RestController
@RequestMapping({"/api/v1/forms", FormApiController.PAGE_API})
@Tag(name = "Forms", description = "Versioned task forms: list, read a version, save a new version, validate, export")
class FormApiController {

    static final String PAGE_API = "/design/api/forms";

    private final FormStore store;
    private final FormEditing editing;

    FormApiController(FormStore store, FormEditing editing) {
        this.store = store;
        this.editing = editing;
    }

    record Summary(String key, String title, int version, String comment, String createdBy, String createdAt) {
        static Summary of(FormVersion v) {
            String title;
            try {
                title = FormJson.tree(v.json()).path("title").asText(v.key());
            } catch (InvalidFormException e) {
                title = v.key();
            }
            return new Summary(v.key(), title, v.version(), v.comment(), v.createdBy(), String.valueOf(v.createdAt()));
        }
    }

    record Form(String key, int version, String comment, String createdBy, String createdAt, JsonNode definition) {
        static Form of(FormVersion v) {
            return new Form(v.key(), v.version(), v.comment(), v.createdBy(), String.valueOf(v.createdAt()), FormJson.tree(v.json()));
        }
    }

    record Save(Integer version, String comment, JsonNode definition) {}

    record Validation(boolean valid) {}

    @GetMapping
    @Operation(summary = "Every form with its latest version")
    List<Summary> list() {
        return store.latestOfEach().stream().map(Summary::of).toList();
    }

    @GetMapping("/{key}")
    @Operation(summary = "The latest version of a form, or ?version=; the ETag names the version",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404")})
    ResponseEntity<Form> one(@PathVariable String key, @RequestParam(required = false) Integer version) {
        FormVersion v = find(key, version);
        return ResponseEntity.ok().eTag("\"v" + v.version() + "\"").body(Form.of(v));
    }

    @GetMapping("/{key}/versions")
    @Operation(summary = "Every version of a form, newest first, without the definitions")
    List<Summary> versions(@PathVariable String key) {
        var versions = store.versions(key);
        if (versions.isEmpty()) {
            throw new FormApiErrors.NoSuchForm();
        }
        return versions.stream().map(Summary::of).toList();
    }

    @PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a new version (designers and admins)",
            description = "Send the version you based it on in 'version' (0 for a new form). If someone saved since: 409 with currentVersion.",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "409")})
    ResponseEntity<Form> save(@PathVariable String key, @RequestBody Save body) {
        CurrentUser user = FormApiErrors.requireDesigner();
        if (body == null || body.version() == null || body.definition() == null) {
            throw new InvalidFormException(Map.of("version", "Send 'version' (the version you edited, 0 for a new form) and 'definition' (the form)."));
        }
        FormVersion saved = editing.save(key, body.version(), body.definition(), body.comment(), user.id());
        return ResponseEntity.ok().eTag("\"v" + saved.version() + "\"").body(Form.of(saved));
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a form definition without saving it: 200, or 400 with a message per place (fields[1].type, …)")
    Validation validate(@RequestBody JsonNode definition) {
        FormApiErrors.requireDesigner();
        String key = definition != null && definition.hasNonNull("key") ? definition.get("key").asText() : "draft";
        var problems = editing.problems(FormJson.isKey(key) ? key : "draft", definition);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        return new Validation(true);
    }

    @GetMapping("/{key}/export")
    @Operation(summary = "Download a version (the latest by default) as <key>.json, a file for forms/")
    ResponseEntity<byte[]> export(@PathVariable String key, @RequestParam(required = false) Integer version) {
        FormVersion v = find(key, version);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(v.key() + ".json", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(v.json().getBytes(StandardCharsets.UTF_8));
    }

    private FormVersion find(String key, Integer version) {
        var found = version == null ? store.latest(key) : store.version(key, version);
        return found.orElseThrow(FormApiErrors.NoSuchForm::new);
    }
}
