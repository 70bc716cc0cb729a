package io.opsflow.platform;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the Flowable IDM user id and the ids of the IDM groups they belong to. Built from
 * the Spring Security authentication, whose {@code GROUP_<id>} authorities mirror the IDM groups.
 */
public record CurrentUser(String id, List<String> groups) {

    public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    public CurrentUser {
        groups = List.copyOf(groups);
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMIN);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(GROUP_AUTHORITY_PREFIX.length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    /** The authenticated caller of the current request, if any. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getName())) {
            return Optional.empty();
        }
        return Optional.of(of(authentication));
    }

    /** The authenticated caller; fails if there is none (a bug: every such path needs a login). */
    public static CurrentUser required() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }
}
