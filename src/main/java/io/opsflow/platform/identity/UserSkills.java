package io.opsflow.platform.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The skills of each user in {@code app_user_skill} (e.g. 电工, 水电, 绿化). Skills are data: any
 * name an administrator types becomes a skill. Other modules read them through
 * {@link io.opsflow.platform.StaffSkills}.
 */
@Component
public class UserSkills {

    public static final int MAX_SKILL_LENGTH = 64;

    /** An SQL condition on {@code s.user_id}: a member of {@code staff} whose account is not disabled. */
    static final String STAFF_ACCOUNT = "exists (select 1 from ACT_ID_MEMBERSHIP m where m.USER_ID_ = s.user_id and m.GROUP_ID_ = 'staff') "
            + "and not exists (select 1 from app_account a where a.user_id = s.user_id and a.disabled = true) ";

    private final JdbcClient jdbc;
    private final StaffCandidates candidates;

    UserSkills(JdbcClient jdbc, StaffCandidates candidates) {
        this.jdbc = jdbc;
        this.candidates = candidates;
    }

    public List<String> of(String userId) {
        return jdbc.sql("select skill from app_user_skill where user_id = ? order by skill")
                .param(userId)
                .query(String.class)
                .list();
    }

    /** Users with the skill whose account is not disabled. */
    public List<String> enabledUsersWith(String skill) {
        return jdbc.sql("select s.user_id from app_user_skill s left join app_account a on a.user_id = s.user_id "
                        + "where s.skill = ? and (a.disabled is null or a.disabled = false) order by s.user_id")
                .param(skill)
                .query(String.class)
                .list();
    }

    /**
     * Enabled, on-duty members of the {@code staff} group who have every one of the skills: one query, so assignment never loads the whole staff list.
     */
    public List<String> activeStaffWithAll(Collection<String> skills) {
        List<String> distinct = skills.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(candidatesSql(distinct.size()) + " order by user_id")
                .params(candidateParams(distinct))
                .query(String.class)
                .list();
    }

    /**
     * A select of one column {@code user_id}: enabled members of {@code staff} who are not on leave and
     * have all of {@code skills} skills; its parameters are {@link #candidateParams the skills}.
     */
    public static String candidatesSql(int skills) {
        if (skills < 1) {
            throw new IllegalArgumentException("at least one skill is required");
        }
        // One row per holder of the first skill (the key is user and skill), each further skill one
        // primary-key probe, no GROUP BY ... HAVING count(*) (decision 71).
        StringBuilder more = new StringBuilder();
        for (int i = 1; i < skills; i++) {
            more.append("and exists (select 1 from app_user_skill s").append(i).append(" where s").append(i)
                    .append(".user_id = s.user_id and s").append(i).append(".skill = ?) ");
        }
        return "select s.user_id from app_user_skill s where s.skill = ? " + more + "and " + STAFF_ACCOUNT
                + "and not exists (select 1 from app_staff st where st.user_id = s.user_id and st.on_duty = false) ";
    }

    /** The parameters of {@link #candidatesSql(int)} and {@link StaffCandidates#withAllSql(int)}: the distinct skills in order. */
    public static List<Object> candidateParams(List<String> skills) {
        return new java.util.ArrayList<>(skills);
    }

    /** Whether the user exists, belongs to {@code staff}, has an enabled account and is not on leave. */
    public boolean isActiveStaff(String userId) {
        return jdbc.sql("select count(*) from ACT_ID_USER u "
                        + "join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_ and m.GROUP_ID_ = 'staff' "
                        + "left join app_account a on a.user_id = u.ID_ "
                        + "left join app_staff st on st.user_id = u.ID_ "
                        + "where u.ID_ = ? and (a.disabled is null or a.disabled = false) "
                        + "and (st.on_duty is null or st.on_duty = true)")
                .param(userId)
                .query(Long.class)
                .single() > 0;
    }

    public List<String> all() {
        return jdbc.sql("select distinct skill from app_user_skill order by skill").query(String.class).list();
    }

    @Transactional
    public void replace(String userId, Collection<String> skills) {
        jdbc.sql("delete from app_user_skill where user_id = ?").param(userId).update();
        for (String skill : skills.stream().distinct().toList()) {
            jdbc.sql("insert into app_user_skill (user_id, skill) values (?, ?)")
                    .param(userId)
                    .param(skill)
                    .update();
        }
        candidates.changed(userId);
    }
}
