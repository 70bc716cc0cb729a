package io.opsflow.platform.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be. Length does most of the work (NIST SP 800-63B), so there are no
 * character-class rules; instead it refuses the user name, very repetitive and well-known passwords.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    // BCrypt reads only the first 72 bytes and Spring Security refuses longer input outright.
    static final int MAX_BYTES = 72;
    private static final int MIN_DISTINCT_CHARACTERS = 5;
    private static final Set<String> COMMON = Set.of(
            "1234567890", "12345678910", "123456789a", "0123456789", "1111111111", "password12", "password123",
            "password1!", "passw0rd12", "qwertyuiop", "qwerty1234", "1q2w3e4r5t", "abcdefghij", "iloveyou12",
            "administrator", "admin12345", "letmein123", "welcome123", "opsflow123", "changeme12");

    private PasswordPolicy() {}

    /** Why the password is not acceptable for the user, or empty if it is. */
    static Optional<String> problemWith(String userId, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("Enter a password.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " bytes (72 Latin or 24 Chinese characters).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userId != null && userId.length() >= 3 && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            return Optional.of("Don't put the user name in the password.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("Use more different characters.");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("This password is too common; choose another.");
        }
        return Optional.empty();
    }
}
