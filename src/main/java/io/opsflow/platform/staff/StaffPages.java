package io.opsflow.platform.staff;

import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.identity.UserSkills;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff}, phone first: the staff list filtered by skill, team and on duty, and the edit form
 * of one staff member (skills, teams, working hours, on duty, contact channels). Supervisors and
 * admins only (web security chain and here).
 */
@Controller
class StaffPages {

    static final int PAGE_SIZE = 25;
    static final java.util.List<String> COMMON_ZONES = java.util.List.of(
            "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo", "Europe/Berlin", "Europe/London", "America/New_York", "UTC");

    private final StaffRecords records;
    private final StaffEditing editing;
    private final UserSkills skills;

    StaffPages(StaffRecords records, StaffEditing editing, UserSkills skills) {
        this.records = records;
        this.editing = editing;
        this.skills = skills;
    }

    @GetMapping("/staff")
    String list(@RequestParam(required = false) String skill, @RequestParam(required = false) String team,
            @RequestParam(required = false) String duty, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        StaffAccess.requireEdit(CurrentUser.required());
        Boolean onDuty = "on".equals(duty) ? Boolean.TRUE : "leave".equals(duty) ? Boolean.FALSE : null;
        model.addAttribute("result", records.search(new StaffFilter(skill, team, onDuty, q), page, PAGE_SIZE));
        model.addAttribute("skill", skill == null ? "" : skill);
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("duty", duty == null ? "" : duty);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("knownSkills", skills.all());
        model.addAttribute("teams", records.teams());
        return "staff/list";
    }

    @GetMapping("/staff/{userId}")
    String edit(@PathVariable String userId, Model model) {
        StaffAccess.requireEdit(CurrentUser.required());
        StaffMember member = records.find(userId).orElseThrow(() -> new UnknownStaffMember(userId));
        return form(model, member, StaffForm.of(member), Map.of());
    }

    @PostMapping("/staff/{userId}")
    String save(@PathVariable String userId, @ModelAttribute StaffForm form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.required();
        StaffAccess.requireEdit(user);
        StaffMember member = records.find(userId).orElseThrow(() -> new UnknownStaffMember(userId));
        try {
            editing.change(user.id(), userId, form.toChanges());
        } catch (IllegalArgumentException unreadableHours) {
            return form(model, member, form, Map.of("workingHours", unreadableHours.getMessage()));
        } catch (InvalidStaffInput invalid) {
            return form(model, member, form, invalid.errors());
        } catch (StaffConflict | DuplicateKeyException raced) {
            StaffMember fresh = records.find(userId).orElseThrow();
            model.addAttribute("warning", "Someone else saved this entry meanwhile. Here is what is stored now; apply your change again.");
            return form(model, fresh, StaffForm.of(fresh), Map.of());
        }
        redirect.addFlashAttribute("message", "Saved " + userId + ".");
        return "redirect:/staff/" + userId;
    }

    private String form(Model model, StaffMember member, StaffForm form, Map<String, String> errors) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", records.teams());
        model.addAttribute("knownSkills", skills.all());
        model.addAttribute("zones", COMMON_ZONES);
        return "staff/edit";
    }
}
