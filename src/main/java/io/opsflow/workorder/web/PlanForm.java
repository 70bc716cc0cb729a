package io.opsflow.workorder.web;

import io.opsflow.workorder.plan.PlanDraft;
import io.opsflow.workorder.plan.RecurringPlan;
import java.util.Arrays;
import java.util.List;

/**
 * The plan form as a phone sends it: skills comma-separated, checklist and locations one per line,
 * cycle "days" or "cron". Bound by Spring MVC, turned into a {@link PlanDraft} for the rules.
 */
public class PlanForm {

    private String title = "";
    private String templateCode = "";
    private String skills = "";
    private String checklist = "";
    private String locations = "";
    private String cycleKind = "days";
    private Integer cycleDays = 7;
    private String cron = "";
    private String timeOfDay = "00:00";
    private String startDate = "";
    private String endDate = "";
    private String zone = "";
    private String dueAfter = "PT8H";
    private Integer priority = 50;
    private Integer version;

    static PlanForm of(RecurringPlan p) {
        PlanForm f = new PlanForm();
        f.title = p.title();
        f.templateCode = p.templateCode() == null ? "" : p.templateCode();
        f.skills = String.join(", ", p.skills());
        f.checklist = String.join("\n", p.checklist());
        f.locations = String.join("\n", p.locations());
        f.cycleKind = p.cron() == null ? "days" : "cron";
        f.cycleDays = p.cycleDays();
        f.cron = p.cron() == null ? "" : p.cron();
        f.timeOfDay = p.timeOfDay().toString();
        f.startDate = p.startDate().toString();
        f.endDate = p.endDate() == null ? "" : p.endDate().toString();
        f.zone = p.zone().getId();
        f.dueAfter = p.dueAfter().toString();
        f.priority = p.priority();
        f.version = p.version();
        return f;
    }

    PlanDraft draft() {
        boolean days = !"cron".equals(cycleKind);
        return new PlanDraft(title, blankToNull(templateCode), split(skills, ","), split(checklist, "\n"), split(locations, "\n"),
                days ? cycleDays : null, days ? null : cron, days ? timeOfDay : null, startDate, blankToNull(endDate), blankToNull(zone),
                dueAfter, priority);
    }

    private static List<String> split(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getTemplateCode() { return templateCode; }
    public void setTemplateCode(String templateCode) { this.templateCode = templateCode; }
    public String getSkills() { return skills; }
    public void setSkills(String skills) { this.skills = skills; }
    public String getChecklist() { return checklist; }
    public void setChecklist(String checklist) { this.checklist = checklist; }
    public String getLocations() { return locations; }
    public void setLocations(String locations) { this.locations = locations; }
    public String getCycleKind() { return cycleKind; }
    public void setCycleKind(String cycleKind) { this.cycleKind = cycleKind; }
    public Integer getCycleDays() { return cycleDays; }
    public void setCycleDays(Integer cycleDays) { this.cycleDays = cycleDays; }
    public String getCron() { return cron; }
    public void setCron(String cron) { this.cron = cron; }
    public String getTimeOfDay() { return timeOfDay; }
    public void setTimeOfDay(String timeOfDay) { this.timeOfDay = timeOfDay; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = startDate; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = endDate; }
    public String getZone() { return zone; }
    public void setZone(String zone) { this.zone = zone; }
    public String getDueAfter() { return dueAfter; }
    public void setDueAfter(String dueAfter) { this.dueAfter = dueAfter; }
    public Integer getPriority() { return priority; }
    public void setPriority(Integer priority) { this.priority = priority; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
