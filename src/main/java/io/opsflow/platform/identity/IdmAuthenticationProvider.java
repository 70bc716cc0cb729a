package io.opsflow.platform.identity;

import io.opsflow.platform.CurrentUser;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowable.idm.api.Group;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Flowable IDM (BCrypt hashes), refuses disabled and
 * locked accounts, and counts failures in the database so five wrong passwords lock the account
 * for fifteen minutes on every node.
 */
@Component
class IdmAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(IdmAuthenticationProvider.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneId.of("UTC"));

    private final IdentityService identityService;
    private final Accounts accounts;
    private final VerifiedCredentials verified;
    private final Clock clock;

    IdmAuthenticationProvider(IdentityService identityService, Accounts accounts, VerifiedCredentials verified, Clock clock) {
        this.identityService = identityService;
        this.accounts = accounts;
        this.verified = verified;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String userId = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();

        var cached = verified.lookup(userId, password);
        if (cached.isPresent()) {
            // The cache is per node; an account disabled or locked on another node must stop here too.
            refuseDisabledOrLocked(userId);
            return token(userId, cached.get());
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            verified.spendComparableTime(password);
            throw new BadCredentialsException("Wrong user name or password");
        }
        refuseDisabledOrLocked(userId);
        if (!identityService.checkPassword(userId, password)) {
            var after = accounts.recordFailedLogin(userId);
            log.info("Failed login for {}", userId);
            if (after.isLockedAt(clock.instant())) {
                log.warn("Account {} locked after {} failed logins", userId, Accounts.MAX_FAILED_LOGINS);
                throw lockedUntil(after);
            }
            throw new BadCredentialsException("Wrong user name or password");
        }
        accounts.recordSuccessfulLogin(userId);
        List<GrantedAuthority> authorities = authoritiesOf(userId);
        verified.remember(userId, password, authorities);
        return token(userId, authorities);
    }

    private void refuseDisabledOrLocked(String userId) {
        var state = accounts.state(userId);
        if (state.disabled()) {
            log.info("Login refused for disabled account {}", userId);
            throw new DisabledException("This account is disabled. Ask an administrator.");
        }
        if (state.isLockedAt(clock.instant())) {
            throw lockedUntil(state);
        }
    }

    private List<GrantedAuthority> authoritiesOf(String userId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            authorities.add(new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + group.getId()));
            // Roles too, for Spring features that speak only roles (e.g. actuator health details).
            authorities.add(new SimpleGrantedAuthority("ROLE_" + group.getId().toUpperCase(Locale.ROOT)));
        }
        return List.copyOf(authorities);
    }

    private static UsernamePasswordAuthenticationToken token(String userId, List<GrantedAuthority> authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    private static LockedException lockedUntil(Accounts.State state) {
        String until = state.lockedUntil().map(TIME::format).orElse("later");
        return new LockedException("Too many failed logins. This account is locked until " + until + ".");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
