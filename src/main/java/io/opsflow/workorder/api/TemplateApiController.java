package io.opsflow.workorder.api;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.EmergencyTemplate;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/work-order-templates}: everyone reads them; supervisors and admins change them. */
@RestController
@RequestMapping("/api/v1/work-order-templates")
@Tag(name = "Work-order templates", description = "Emergency work templates: required skills and checklist steps")
class TemplateApiController {

    private final EmergencyTemplates templates;

    TemplateApiController(EmergencyTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<EmergencyTemplate> all() {
        return templates.all();
    }

    @GetMapping("/{code}")
    ResponseEntity<EmergencyTemplate> one(@PathVariable String code) {
        return ResponseEntity.of(templates.find(code));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a template; every skill must be one some staff member has (400 otherwise)")
    EmergencyTemplate create(@RequestBody EmergencyTemplate body) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        return templates.create(body);
    }

    @PutMapping("/{code}")
    ResponseEntity<EmergencyTemplate> update(@PathVariable String code, @RequestBody EmergencyTemplate body) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        if (body.code() != null && !body.code().equals(code)) {
            throw new InvalidWorkOrderInput("the code in the body must match the path");
        }
        return ResponseEntity.of(templates.update(new EmergencyTemplate(code, body.name(), body.skills(), body.checklist())));
    }

    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        return templates.delete(code) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
