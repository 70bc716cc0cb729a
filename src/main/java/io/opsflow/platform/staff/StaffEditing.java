package io.opsflow.platform.staff;

import io.opsflow.platform.identity.StaffCandidates;
import io.opsflow.platform.identity.UserSkills;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a staff directory entry: checks everything first (400 with a message per field, nothing
 * changed), then writes the directory row, the weekly hours, the skills, the team memberships and the
 * contact channels in one transaction, guarded by the version the caller read (409 when stale).
 */
@Service
class StaffEditing {

    private static final Logger audit = LoggerFactory.getLogger("io.opsflow.audit");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{3,30}");
    private static final Pattern IM_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1,255}");
    private static final int MAX_SKILLS = 20;

    private final JdbcClient jdbc;
    private final StaffRecords records;
    private final UserSkills skills;
    private final IdentityService identityService;
    private final Clock clock;
    private final StaffCandidates candidates;

    StaffEditing(JdbcClient jdbc, StaffRecords records, UserSkills skills, IdentityService identityService, Clock clock,
            StaffCandidates candidates) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.records = records;
        this.skills = skills;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** Applies the non-null fields of {@code change} (PATCH); call with {@link StaffChanges#complete()} for PUT. */
    @Transactional
    StaffMember change(String editorId, String userId, StaffChanges change) {
        StaffMember current = records.find(userId).orElseThrow(() -> new UnknownStaffMember(userId));
        var problems = new InvalidStaffInput.Problems();
        if (change.version() == null) {
            problems.add("version", "Send the version you read (GET the entry first).");
        }
        String email = change.email() == null ? null : check(problems, "email", change.email(), EMAIL, 254,
                "is not an e-mail address");
        String phone = change.phone() == null ? null : check(problems, "phone", change.phone(), PHONE, 32,
                "is not a phone number (digits, spaces, '-', '(', ')' and a leading '+')");
        String imId = change.imId() == null ? null : check(problems, "imId", change.imId(), IM_ID, 255,
                "is not an IM or webhook id (no spaces, at most 255 characters)");
        List<String> teams = change.teams() == null ? null : teams(problems, change.teams());
        List<String> newSkills = change.skills() == null ? null : skills(problems, change.skills());
        ZoneId zone = zone(problems, change.timeZone() == null ? current.timeZone() : change.timeZone());
        WeeklyHours hours = null;
        if (change.workingHours() != null || change.timeZone() != null) {
            hours = hours(problems, zone, change.workingHours() != null ? change.workingHours() : current.workingHours());
        }
        problems.throwIfAny();

        bumpVersion(editorId, userId, change.version(), change.onDuty() == null ? current.onDuty() : change.onDuty(), zone);
        candidates.changed(userId);
        if (hours != null) {
            jdbc.sql("delete from app_staff_hours where user_id = ?").param(userId).update();
            for (WeeklyHours.Period p : hours.periods()) {
                jdbc.sql("insert into app_staff_hours (user_id, day_of_week, start_time, end_time) values (?, ?, ?, ?)")
                        .params(userId, p.day().getValue(), p.start(), p.end())
                        .update();
            }
            jdbc.sql("update app_staff set shift_map = ? where user_id = ?").params(hours.hourMap(), userId).update();
        }
        if (newSkills != null) {
            skills.replace(userId, newSkills);
        }
        if (teams != null) {
            Set<String> old = new HashSet<>(current.teams());
            old.stream().filter(t -> !teams.contains(t)).forEach(t -> identityService.deleteMembership(userId, t));
            teams.stream().filter(t -> !old.contains(t)).forEach(t -> identityService.createMembership(userId, t));
        }
        if (email != null) {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            user.setEmail(email.isEmpty() ? null : email);
            identityService.saveUser(user);
        }
        setInfo(userId, StaffRecords.PHONE, phone);
        setInfo(userId, StaffRecords.IM_ID, imId);
        audit.info("{} changed staff entry {}: onDuty {}, teams {}, skills {}", editorId, userId, change.onDuty(), teams, newSkills);
        return records.find(userId).orElseThrow();
    }

    /** Locks the row and moves its version on; a first change inserts it (a racing first change hits the key: 409). */
    private void bumpVersion(String editorId, String userId, int expected, boolean onDuty, ZoneId zone) {
        Integer stored = jdbc.sql("select version from app_staff where user_id = ? for update")
                .param(userId)
                .query(Integer.class)
                .optional()
                .orElse(null);
        if ((stored == null ? 0 : stored) != expected) {
            throw new StaffConflict(userId);
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (stored == null) {
            jdbc.sql("insert into app_staff (user_id, on_duty, time_zone, version, updated_by, updated_at) values (?, ?, ?, 1, ?, ?)")
                    .params(userId, onDuty, zone.getId(), editorId, now)
                    .update();
        } else if (jdbc.sql("update app_staff set on_duty = ?, time_zone = ?, version = version + 1, updated_by = ?, updated_at = ? "
                        + "where user_id = ? and version = ?")
                .params(onDuty, zone.getId(), editorId, now, userId, expected)
                .update() != 1) {
            throw new StaffConflict(userId);
        }
    }

    private void setInfo(String userId, String key, String value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            identityService.deleteUserInfo(userId, key);
        } else {
            identityService.setUserInfo(userId, key, value);
        }
    }

    /** The empty text for a blank value (clear it); the stripped value when it matches; else a problem. */
    private static String check(InvalidStaffInput.Problems problems, String field, String value, Pattern shape, int max, String what) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "";
        }
        if (v.length() > max || !shape.matcher(v).matches()) {
            problems.add(field, "'" + shorten(v) + "' " + what + ".");
        }
        return v;
    }

    private List<String> teams(InvalidStaffInput.Problems problems, List<String> wanted) {
        List<String> known = records.teams();
        List<String> teams = wanted.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        teams.stream()
                .filter(t -> !known.contains(t))
                .findFirst()
                .ifPresent(t -> problems.add("teams", "There is no team '" + shorten(t) + "'; teams are the team groups on /admin/groups."));
        return teams;
    }

    private static List<String> skills(InvalidStaffInput.Problems problems, List<String> wanted) {
        List<String> list = wanted.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (list.size() > MAX_SKILLS) {
            problems.add("skills", "Give at most " + MAX_SKILLS + " skills.");
        } else if (list.stream().anyMatch(s -> s.length() > UserSkills.MAX_SKILL_LENGTH)) {
            problems.add("skills", "A skill has at most " + UserSkills.MAX_SKILL_LENGTH + " characters.");
        }
        return list;
    }

    private static ZoneId zone(InvalidStaffInput.Problems problems, String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException | NullPointerException e) {
            problems.add("timeZone", "'" + shorten(String.valueOf(text)) + "' is not a time zone; use an IANA id such as Asia/Shanghai or UTC.");
            return ZoneId.of("UTC");
        }
    }

    private static WeeklyHours hours(InvalidStaffInput.Problems problems, ZoneId zone, List<StaffMember.PeriodView> periods) {
        try {
            List<WeeklyHours.Period> parsed = new ArrayList<>();
            for (StaffMember.PeriodView p : periods) {
                if (p == null) {
                    throw new IllegalArgumentException("A working period needs day, start and end.");
                }
                parsed.add(WeeklyHours.period(p.day(), p.start(), p.end()));
            }
            return WeeklyHours.of(zone, parsed);
        } catch (IllegalArgumentException e) {
            problems.add("workingHours", e.getMessage());
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
