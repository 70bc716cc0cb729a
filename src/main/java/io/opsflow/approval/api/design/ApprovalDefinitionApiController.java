package io.opsflow.approval.api.design;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.approval.assignee.People;
import io.opsflow.approval.assignee.PredictedNode;
import io.opsflow.approval.assignee.Prediction;
import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.definition.ApprovalModels;
import io.opsflow.approval.definition.Draft;
import io.opsflow.approval.definition.PublishedVersion;
import io.opsflow.approval.model.InvalidModelException;
import io.opsflow.approval.model.ModelJson;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/approval-definitions}: designers and admins create, save (optimistic version),
 * validate and publish simple models and read their BPMN; everyone may predict the approvers.
 * The same operations answer at {@code /approvals/design/api} under the designer page's session and
 * CSRF token (designers and admins only, by the web rule for {@code /approvals/design/**}).
 */
@RestController
@RequestMapping({"/api/v1/approval-definitions", ApprovalDefinitionApiController.PAGE_API})
@Tag(name = "Approval definitions", description = "Design approvals as a simple model, validate, publish and read the generated BPMN")
class ApprovalDefinitionApiController {

    static final String PAGE_API = "/approvals/design/api";

    private final ApprovalDefinitions definitions;
    private final ApprovalModels models;
    private final Prediction prediction;

    ApprovalDefinitionApiController(ApprovalDefinitions definitions, ApprovalModels models, People people) {
        this.definitions = definitions;
        this.models = models;
        this.prediction = new Prediction(people);
    }

    record SaveRequest(Integer version, JsonNode model) {}

    record ValidationResult(boolean valid, List<String> problems) {}

    record PredictRequest(Map<String, Object> values) {}

    @GetMapping
    @Operation(summary = "Every approval draft with its published version")
    List<Draft> list() {
        return definitions.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft from a simple model (version 1); 409 if the code exists")
    Draft create(@RequestBody JsonNode model) {
        return definitions.create(ModelJson.read(model), CurrentUser.required().id());
    }

    @GetMapping("/{code}")
    @Operation(summary = "The draft: its simple model and version")
    Draft get(@PathVariable String code) {
        return definitions.get(code);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Save the draft; body {version, model}; 409 when the draft is no longer at that version")
    Draft update(@PathVariable String code, @RequestBody SaveRequest body) {
        if (body == null || body.version() == null || body.model() == null) {
            throw new InvalidModelException("the body needs the version you edited and the model");
        }
        return definitions.update(code, body.version(), ModelJson.read(body.model()), CurrentUser.required().id());
    }

    @PostMapping("/validate")
    @Operation(summary = "Check an unsaved simple model: every rule, then Flowable's validator on its BPMN")
    ValidationResult validate(@RequestBody JsonNode model) {
        List<String> problems = definitions.problems(ModelJson.read(model));
        return new ValidationResult(problems.isEmpty(), problems);
    }

    @PostMapping("/{code}/validate")
    @Operation(summary = "Check the saved draft")
    ValidationResult validateDraft(@PathVariable String code) {
        List<String> problems = definitions.problems(definitions.get(code).model());
        return new ValidationResult(problems.isEmpty(), problems);
    }

    @PostMapping("/{code}/publish")
    @Operation(summary = "Validate and deploy the draft as a new version of process approval-<code>; 400 with every problem")
    PublishedVersion publish(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return definitions.publish(code, version, CurrentUser.required().id());
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Published versions, newest first")
    List<PublishedVersion> versions(@PathVariable String code) {
        return definitions.versions(code);
    }

    @GetMapping(value = "/{code}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "BPMN XML of a published version (latest by default); download=true for a file")
    ResponseEntity<String> bpmn(@PathVariable String code, @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean download) {
        return xml(code, definitions.publishedBpmn(code, version), download);
    }

    @GetMapping(value = "/{code}/draft/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "BPMN XML the draft would publish; 400 with the problems if it is not valid")
    ResponseEntity<String> draftBpmn(@PathVariable String code, @RequestParam(defaultValue = "false") boolean download) {
        return xml(code, definitions.bpmnOf(definitions.get(code).model()), download);
    }

    @GetMapping("/{code}/model")
    @Operation(summary = "Simple model of a published version (latest by default)")
    SimpleModel model(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return definitions.publishedModel(code, version);
    }

    @PostMapping("/{key}/predict")
    @Operation(summary = "Predicted approvers of every approver node the form would pass, for the caller as starter;"
            + " key is approval, approval-<code> or <code>")
    List<PredictedNode> predict(@PathVariable String key, @RequestBody(required = false) PredictRequest body) {
        SimpleModel model = models.latest(key);
        Map<String, Object> values = new LinkedHashMap<>();
        if (body != null && body.values() != null) {
            body.values().forEach((name, value) -> {
                if (values.size() < 500) {
                    values.put(name, value);
                }
            });
        }
        return prediction.predict(model, CurrentUser.required().id(), values);
    }

    private static ResponseEntity<String> xml(String code, String xml, boolean download) {
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_XML);
        if (download) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approval-" + code + ".bpmn20.xml\"");
        }
        return response.header("X-Content-Type-Options", "nosniff").body(xml);
    }
}
