package io.opsflow.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Remembers, for one minute, that a user name and password pair was just verified. API clients send
 * HTTP Basic credentials on every call; a BCrypt check each time would cost ~80 ms of CPU per call.
 * Only a salted SHA-256 of the password is held, and any change to the account forgets the user.
 */
@Component
public class VerifiedCredentials {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String digest, List<GrantedAuthority> authorities, Instant expires) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    private final Clock clock;
    private final PasswordEncoder passwordEncoder;
    private final String dummyHash;

    VerifiedCredentials(Clock clock, PasswordEncoder passwordEncoder) {
        this.clock = clock;
        this.passwordEncoder = passwordEncoder;
        new SecureRandom().nextBytes(salt);
        this.dummyHash = passwordEncoder.encode("not-a-real-password");
    }

    Optional<List<GrantedAuthority>> lookup(String userId, String password) {
        Entry entry = entries.get(userId);
        if (entry == null || entry.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.digest().getBytes(StandardCharsets.UTF_8), digest(password).getBytes(StandardCharsets.UTF_8))
                ? Optional.of(entry.authorities())
                : Optional.empty();
    }

    void remember(String userId, String password, List<GrantedAuthority> authorities) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(userId, new Entry(digest(password), authorities, clock.instant().plus(TIME_TO_LIVE)));
    }

    /** Forget a user after their password, groups or account state changed. */
    public void forget(String userId) {
        entries.remove(userId);
    }

    /** Spends a BCrypt comparison so unknown user names answer as slowly as known ones. */
    void spendComparableTime(String password) {
        passwordEncoder.matches(password, dummyHash);
    }

    private String digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
