package io.opsflow.platform.staff;

import io.opsflow.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/staff}: the staff directory (skills, teams, working hours, on duty, contact channels). */
@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff directory", description = "Members of the staff group: skills, teams, weekly working hours, on duty or on leave, contact channels")
class StaffApiController {

    static final int MAX_PAGE_SIZE = 200;

    private final StaffRecords records;
    private final StaffEditing editing;

    StaffApiController(StaffRecords records, StaffEditing editing) {
        this.records = records;
        this.editing = editing;
    }

    @GetMapping
    @Operation(summary = "List staff members by user id, filtered and paged (supervisors, integrators, admins)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "bad paging values")})
    StaffPage list(@Parameter(description = "only staff with this skill") @RequestParam(required = false) String skill,
            @Parameter(description = "only members of this team group") @RequestParam(required = false) String team,
            @Parameter(description = "true: on duty only; false: on leave only") @RequestParam(required = false) Boolean onDuty,
            @Parameter(description = "part of the user id or name") @RequestParam(required = false) String q,
            @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "entries per page, 1 to 200") @RequestParam(defaultValue = "50") int size) {
        StaffAccess.requireRead(CurrentUser.required());
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidStaffInput(java.util.Map.of("paging", "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + "."));
        }
        return records.search(new StaffFilter(skill, team, onDuty, q), page, size);
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One staff member with the version to send back with a change",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "404", description = "no such member of staff")})
    StaffMember one(@PathVariable String userId) {
        StaffAccess.requireRead(CurrentUser.required());
        return records.find(userId).orElseThrow(() -> new UnknownStaffMember(userId));
    }

    @PutMapping("/{userId}")
    @Operation(summary = "Replace the entry (missing fields are cleared; onDuty defaults to true, timeZone to UTC)",
            responses = {@ApiResponse(responseCode = "200"),
                @ApiResponse(responseCode = "400", description = "unknown team or time zone, bad hours, e-mail or phone; nothing changed"),
                @ApiResponse(responseCode = "404", description = "no such member of staff"),
                @ApiResponse(responseCode = "409", description = "changed by someone else since the version was read")})
    StaffMember replace(@PathVariable String userId, @RequestBody StaffChanges body) {
        CurrentUser user = CurrentUser.required();
        StaffAccess.requireEdit(user);
        return editing.change(user.id(), userId, body.complete());
    }

    @PatchMapping("/{userId}")
    @Operation(summary = "Change only the fields sent (an empty text clears it)",
            responses = {@ApiResponse(responseCode = "200"),
                @ApiResponse(responseCode = "400", description = "unknown team or time zone, bad hours, e-mail or phone; nothing changed"),
                @ApiResponse(responseCode = "404", description = "no such member of staff"),
                @ApiResponse(responseCode = "409", description = "changed by someone else since the version was read")})
    StaffMember patch(@PathVariable String userId, @RequestBody StaffChanges body) {
        CurrentUser user = CurrentUser.required();
        StaffAccess.requireEdit(user);
        return editing.change(user.id(), userId, body);
    }
}
