package io.opsflow.design.migrate;

import io.opsflow.design.DesignAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/definitions/{key}/migrations} (basic auth) and the same at
 * {@code /design/api/definitions/{key}/migrations} for the migrate page: designers and admins only.
 */
@RestController
@RequestMapping({"/api/v1/definitions/{key}/migrations", MigrationApiController.PAGE_API})
@Tag(name = "Instance migration", description = "Move running instances between deployed versions of a process key (designers and admins)")
class MigrationApiController {

    static final String PAGE_API = "/design/api/definitions/{key}/migrations";

    private final InstanceMigrations migrations;

    MigrationApiController(InstanceMigrations migrations) {
        this.migrations = migrations;
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What a migration would do: where each activity with running instances moves, counts, Flowable's validator messages",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "unknown or equal versions, bad mapping"),
                    @ApiResponse(responseCode = "404", description = "unknown process key")})
    MigrationViews.Preview preview(@PathVariable String key, @RequestBody MigrationViews.Request request) {
        DesignAccess.require();
        return migrations.preview(key, request);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a Flowable batch migration; refused (400, nothing migrated) when the preview has blocking problems",
            responses = {@ApiResponse(responseCode = "202"), @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "404")})
    MigrationViews.Started start(@PathVariable String key, @RequestBody MigrationViews.Request request) {
        DesignAccess.require();
        return migrations.start(key, request);
    }

    @GetMapping("/{batchId}")
    @Operation(summary = "Progress of a batch: total, migrated, failed with reasons", responses = {@ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "404")})
    MigrationViews.Progress progress(@PathVariable String key, @PathVariable String batchId) {
        DesignAccess.require();
        return migrations.progress(key, batchId);
    }
}
