package io.opsflow.design.api;

import io.opsflow.design.DesignAccess;
import io.opsflow.design.deploy.DefinitionVersions;
import io.opsflow.design.deploy.ModelDeployer;
import io.opsflow.design.lint.DelegateCatalog;
import io.opsflow.design.lint.ModelValidator;
import io.opsflow.design.model.BpmnFile;
import io.opsflow.design.model.DesignModel;
import io.opsflow.design.model.ModelVersion;
import io.opsflow.design.model.Models;
import io.opsflow.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/models} (basic auth) and the same operations at {@code /design/api/models} for the
 * modeller page (session and CSRF token): designers and admins only.
 */
@RestController
@RequestMapping({"/api/v1/models", DesignAccess.PAGE_API})
@Tag(name = "Design studio", description = "BPMN models: import, edit with versions, validate, deploy, export (designers and admins)")
class ModelApiController {

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"v(\\d+)\"\\s*$");
    private static final MediaType BPMN_XML = MediaType.APPLICATION_XML;

    private final Models models;
    private final ModelValidator validator;
    private final ModelDeployer deployer;
    private final DefinitionVersions definitions;
    private final DelegateCatalog delegates;
    private final IdentityService identityService;

    ModelApiController(Models models, ModelValidator validator, ModelDeployer deployer, DefinitionVersions definitions,
            DelegateCatalog delegates, IdentityService identityService) {
        this.models = models;
        this.validator = validator;
        this.deployer = deployer;
        this.definitions = definitions;
        this.delegates = delegates;
        this.identityService = identityService;
    }

    @GetMapping
    @Operation(summary = "List models, most recently changed first")
    List<ModelViews.Summary> list() {
        DesignAccess.require();
        return models.list().stream().map(ModelViews.Summary::of).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a BPMN file (Flowable 6.8 modeller, Flowable Design, Camunda Modeler) as a new model",
            description = "Answers the new model and a report of the Camunda attributes Flowable ignores; activiti: attributes are accepted.",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "400", description = "not safe or not BPMN")})
    ModelViews.Imported importFile(@RequestPart("file") MultipartFile file) throws IOException {
        CurrentUser user = DesignAccess.require();
        if (file.getSize() > BpmnFile.MAX_BYTES) {
            throw BpmnFile.tooLarge();
        }
        try (InputStream in = file.getInputStream()) {
            return imported(models.importXml(BpmnFile.read(in), user.id()));
        }
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import BPMN XML sent as the request body", responses = {@ApiResponse(responseCode = "201"),
            @ApiResponse(responseCode = "400", description = "not safe or not BPMN, or larger than 2 MB")})
    ModelViews.Imported importXml(HttpServletRequest request) throws IOException {
        CurrentUser user = DesignAccess.require();
        return imported(models.importXml(body(request), user.id()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a new model with one start event")
    ModelViews.Summary create(@RequestBody ModelRequests.Create body) {
        CurrentUser user = DesignAccess.require();
        return ModelViews.Summary.of(models.createBlank(body.name(), body.processKey(), user.id()));
    }

    @GetMapping("/catalogue")
    @Operation(summary = "What the modeller offers: Opsflow's documented delegates, the form keys in forms/ and the IDM groups")
    ModelViews.Catalogue catalogue() {
        DesignAccess.require();
        List<String> groups = identityService.createGroupQuery().orderByGroupId().asc().listPage(0, 500).stream()
                .map(Group::getId)
                .toList();
        return new ModelViews.Catalogue(delegates.documented(), validator.formKeys(), groups);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The latest version of a model with its XML; the ETag names the version for If-Match",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404")})
    ResponseEntity<ModelViews.Model> one(@PathVariable String id) {
        DesignAccess.require();
        DesignModel model = models.model(id);
        ModelVersion latest = models.latest(id);
        return ResponseEntity.ok().eTag("\"v" + latest.version() + "\"").body(ModelViews.Model.of(model, latest));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every saved version of a model, newest first")
    List<ModelViews.Version> versions(@PathVariable String id) {
        DesignAccess.require();
        return models.versions(id).stream().map(ModelViews.Version::of).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One saved version with its XML")
    ModelViews.Model version(@PathVariable String id, @PathVariable int version) {
        DesignAccess.require();
        return ModelViews.Model.of(models.model(id), models.version(id, version));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save the XML as a new version",
            description = "Send the version you opened in the body or as If-Match: \"v<version>\". If someone saved since, 409 says who, when and which elements changed.",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "409")})
    ResponseEntity<ModelViews.Model> save(@PathVariable String id, @RequestBody ModelRequests.Save body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CurrentUser user = DesignAccess.require();
        if (body.xml() == null || body.xml().isBlank()) {
            throw new FlowableIllegalArgumentException("Send the model's XML in 'xml'.");
        }
        int base = baseVersion(body.version(), ifMatch);
        ModelVersion saved = models.save(id, base, body.xml(), user.id());
        return ResponseEntity.ok().eTag("\"v" + saved.version() + "\"").body(ModelViews.Model.of(models.model(id), saved));
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Download a version (the latest by default) as <key>.bpmn20.xml, exactly as saved")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) Integer version) {
        DesignAccess.require();
        DesignModel model = models.model(id);
        ModelVersion saved = version == null ? models.latest(id) : models.version(id, version);
        return ResponseEntity.ok()
                .contentType(BPMN_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(model.processKey() + ".bpmn20.xml", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(saved.xml().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(path = "/validate", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Validate BPMN XML without storing it: Flowable's validator plus Opsflow's lint rules")
    ModelViews.Validation validateXml(HttpServletRequest request) throws IOException {
        DesignAccess.require();
        var problems = validator.validate(new String(body(request), StandardCharsets.UTF_8));
        return new ModelViews.Validation(!ModelValidator.hasErrors(problems), problems);
    }

    @PostMapping("/{id}/validate")
    @Operation(summary = "Validate the latest saved version of a model")
    ModelViews.Validation validate(@PathVariable String id) {
        DesignAccess.require();
        var problems = validator.validate(models.latest(id).xml());
        return new ModelViews.Validation(!ModelValidator.hasErrors(problems), problems);
    }

    @PostMapping(path = "/{id}/deploy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Deploy a saved version with a version comment",
            description = "Validation errors deploy nothing (400 with the problems); scripts, classes and expressions need an admin (403).",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "403")})
    ModelDeployer.Deployed deploy(@PathVariable String id, @RequestBody(required = false) ModelRequests.Deploy body) {
        CurrentUser user = DesignAccess.require();
        return deployer.deploy(id, body == null ? null : body.version(), body == null ? null : body.comment(), user);
    }

    @GetMapping("/{id}/definitions")
    @Operation(summary = "The deployed versions of the model's process key, newest first, with running instances per version")
    List<DefinitionVersions.DefinitionVersion> deployedVersions(@PathVariable String id) {
        DesignAccess.require();
        return definitions.versions(models.model(id).processKey());
    }

    @GetMapping("/{id}/instances")
    @Operation(summary = "Running instances of the model's process key and the definition version each is on")
    List<DefinitionVersions.RunningInstance> instances(@PathVariable String id) {
        DesignAccess.require();
        return definitions.runningInstances(models.model(id).processKey());
    }

    private static ModelViews.Imported imported(Models.Imported imported) {
        return new ModelViews.Imported(ModelViews.Summary.of(imported.model()), imported.report());
    }

    private static int baseVersion(Integer version, String ifMatch) {
        if (ifMatch != null) {
            Matcher matcher = ETAG.matcher(ifMatch);
            if (!matcher.matches()) {
                throw new FlowableIllegalArgumentException("If-Match must be the ETag of the version you opened, such as \"v3\".");
            }
            return Integer.parseInt(matcher.group(1));
        }
        if (version == null) {
            throw new FlowableIllegalArgumentException("Send the version you opened in 'version' (or If-Match), so a concurrent save is detected.");
        }
        return version;
    }

    /** The request body, refused past the size limit; the rest of a large body is read away so the connection stays usable. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > BpmnFile.MAX_BYTES) {
            drain(request.getInputStream());
            throw BpmnFile.tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            try {
                return BpmnFile.read(in);
            } catch (FlowableIllegalArgumentException tooLarge) {
                drain(in);
                throw tooLarge;
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = 32L * 1024 * 1024;
        int read;
        while (left > 0 && (read = in.read(buffer)) > 0) {
            left -= read;
        }
    }
}
