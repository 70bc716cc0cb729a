package io.opsflow.platform.admin;

import io.opsflow.platform.identity.Accounts;
import io.opsflow.platform.identity.UserSkills;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.User;
import org.springframework.stereotype.Component;

/** Finds users for the admin pages: a searchable, paged list and the details of one user. */
@Component
class UserDirectory {

    static final int PAGE_SIZE = 20;
    private static final String MATCHES = " from ACT_ID_USER where lower(ID_) like #{q} or lower(FIRST_) like #{q}"
            + " or lower(LAST_) like #{q} or lower(DISPLAY_NAME_) like #{q} or lower(EMAIL_) like #{q}";

    /** One line of the user list; {@code lockedUntil} is present only while the lock lasts. */
    record UserRow(
            String id, String name, String email, List<String> groups, boolean disabled,
            Optional<Instant> lockedUntil, Optional<Instant> lastLogin) {

        private static final DateTimeFormatter UTC =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        public String lockedUntilText() {
            return lockedUntil.map(UTC::format).orElse("");
        }

        public String lastLoginText() {
            return lastLogin.map(UTC::format).orElse("never");
        }
    }

    record UserPage(List<UserRow> rows, String query, int page, int pages, long total) {}

    /** The user as the edit form shows it. */
    record UserDetails(UserRow row, String firstName, String lastName, List<String> skills) {}

    private final IdentityService identityService;
    private final Accounts accounts;
    private final UserSkills skills;
    private final Clock clock;

    UserDirectory(IdentityService identityService, Accounts accounts, UserSkills skills, Clock clock) {
        this.identityService = identityService;
        this.accounts = accounts;
        this.skills = skills;
        this.clock = clock;
    }

    /** Users whose id, name or email contains the query (any case), by id; pages count from 0. */
    UserPage search(String query, int page) {
        String q = query == null ? "" : query.strip();
        String pattern = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "") + "%";
        long total = identityService.createNativeUserQuery().sql("select count(*)" + MATCHES).parameter("q", pattern).count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<UserRow> rows = identityService.createNativeUserQuery()
                .sql("select *" + MATCHES + " order by ID_")
                .parameter("q", pattern)
                .listPage(current * PAGE_SIZE, PAGE_SIZE)
                .stream()
                .map(this::row)
                .toList();
        return new UserPage(rows, q, current, pages, total);
    }

    Optional<UserDetails> find(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(user -> new UserDetails(row(user), nullToEmpty(user.getFirstName()), nullToEmpty(user.getLastName()),
                        skills.of(userId)));
    }

    /** Every group a user can be put in, system groups first. */
    List<Group> groups() {
        return identityService.createGroupQuery().list().stream()
                .sorted(Comparator.comparing((Group g) -> !"system".equals(g.getType())).thenComparing(Group::getId))
                .toList();
    }

    List<String> knownSkills() {
        return skills.all();
    }

    private UserRow row(User user) {
        var state = accounts.state(user.getId());
        List<String> groups = identityService.createGroupQuery().groupMember(user.getId()).orderByGroupId().asc().list().stream()
                .map(Group::getId)
                .toList();
        Instant now = clock.instant();
        return new UserRow(user.getId(), nameOf(user), nullToEmpty(user.getEmail()), groups, state.disabled(),
                state.lockedUntil().filter(now::isBefore), state.lastLoginAt());
    }

    private static String nameOf(User user) {
        String display = user.getDisplayName();
        if (display != null && !display.isBlank()) {
            return display;
        }
        return (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
