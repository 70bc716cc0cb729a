package io.opsflow.approval.api.design;

import io.opsflow.approval.assignee.OrgChart;
import io.opsflow.approval.assignee.People;
import io.opsflow.approval.model.InvalidModelException;
import io.opsflow.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/approval-supervisors}: the org chart approvals use (admins only, by the /api/v1/admin rule). */
@RestController
@RequestMapping("/api/v1/admin/approval-supervisors")
@Tag(name = "Approval org chart", description = "Who is whose direct supervisor, for approver nodes 'the starter's supervisor'")
class SupervisorApiController {

    private final OrgChart orgChart;
    private final People people;

    SupervisorApiController(OrgChart orgChart, People people) {
        this.orgChart = orgChart;
        this.people = people;
    }

    record SupervisorRequest(String supervisor) {}

    @GetMapping
    List<OrgChart.Line> all() {
        return orgChart.all();
    }

    @PutMapping("/{userId}")
    @Operation(summary = "Set the user's direct supervisor; 400 for unknown users or a loop")
    OrgChart.Line set(@PathVariable String userId, @RequestBody SupervisorRequest body) {
        String supervisor = body == null ? null : body.supervisor();
        if (!people.userExists(userId) || supervisor == null || !people.userExists(supervisor)) {
            throw new InvalidModelException("both the user and the supervisor must be existing users");
        }
        if (orgChart.wouldLoop(userId, supervisor)) {
            throw new InvalidModelException("'" + supervisor + "' is already below '" + userId + "' in the org chart");
        }
        orgChart.set(userId, supervisor, CurrentUser.required().id());
        return new OrgChart.Line(userId, supervisor);
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(@PathVariable String userId) {
        return orgChart.remove(userId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
