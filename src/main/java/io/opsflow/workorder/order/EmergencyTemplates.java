package io.opsflow.workorder.order;

import io.opsflow.platform.StaffSkills;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Emergency templates in {@code app_wo_template}; skills must be ones the staff directory knows. */
@Component
public class EmergencyTemplates {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final JdbcClient jdbc;
    private final StaffSkills staffSkills;

    EmergencyTemplates(JdbcClient jdbc, StaffSkills staffSkills) {
        this.jdbc = jdbc;
        this.staffSkills = staffSkills;
    }

    public List<EmergencyTemplate> all() {
        return jdbc.sql("select * from app_wo_template order by code").query(EmergencyTemplates::row).list();
    }

    public Optional<EmergencyTemplate> find(String code) {
        return jdbc.sql("select * from app_wo_template where code = ?").param(code).query(EmergencyTemplates::row).optional();
    }

    /** The template, or a 400 naming the unknown code. */
    public EmergencyTemplate require(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidWorkOrderInput("templateCode is required");
        }
        return find(code).orElseThrow(() -> new InvalidWorkOrderInput("unknown template '" + code + "'"));
    }

    @Transactional
    public EmergencyTemplate create(EmergencyTemplate template) {
        validate(template);
        if (find(template.code()).isPresent()) {
            throw new WorkOrderConflict("a template '" + template.code() + "' already exists");
        }
        jdbc.sql("insert into app_wo_template (code, name, skills, checklist) values (?, ?, ?, ?)")
                .params(template.code(), template.name().trim(), JsonLists.write(template.skills()), JsonLists.write(template.checklist()))
                .update();
        return find(template.code()).orElseThrow();
    }

    @Transactional
    public Optional<EmergencyTemplate> update(EmergencyTemplate template) {
        validate(template);
        int rows = jdbc.sql("update app_wo_template set name = ?, skills = ?, checklist = ?, updated_at = current_timestamp where code = ?")
                .params(template.name().trim(), JsonLists.write(template.skills()), JsonLists.write(template.checklist()), template.code())
                .update();
        return rows == 0 ? Optional.empty() : find(template.code());
    }

    /** Work orders made from a template keep their own copy of its skills and checklist. */
    @Transactional
    public boolean delete(String code) {
        return jdbc.sql("delete from app_wo_template where code = ?").param(code).update() > 0;
    }

    private void validate(EmergencyTemplate t) {
        if (t.code() == null || !CODE.matcher(t.code()).matches()) {
            throw new InvalidWorkOrderInput("code must be lower-case letters, digits or '-' (at most 64)");
        }
        if (t.name() == null || t.name().isBlank() || t.name().length() > 200) {
            throw new InvalidWorkOrderInput("name is required (at most 200 characters)");
        }
        checkSkills(t.skills());
        if (t.checklist() == null || t.checklist().isEmpty() || t.checklist().size() > 30
                || t.checklist().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 500)) {
            throw new InvalidWorkOrderInput("checklist needs 1 to 30 steps of at most 500 characters");
        }
    }

    /** Skills are data, but a typo would leave every order unassignable: only skills some user has are accepted. */
    public void checkSkills(List<String> skills) {
        if (skills == null || skills.isEmpty() || skills.size() > 10) {
            throw new InvalidWorkOrderInput("skills needs 1 to 10 entries");
        }
        List<String> known = staffSkills.knownSkills();
        for (String skill : skills) {
            if (skill == null || !known.contains(skill)) {
                throw new InvalidWorkOrderInput("unknown skill '" + skill + "': no staff member has it");
            }
        }
    }

    private static EmergencyTemplate row(ResultSet rs, int n) throws SQLException {
        return new EmergencyTemplate(rs.getString("code"), rs.getString("name"), JsonLists.read(rs.getString("skills")),
                JsonLists.read(rs.getString("checklist")));
    }
}
