package io.opsflow.messaging;

import java.util.Locale;

/**
 * Who a message goes to: an Opsflow user, every member of a group, or a literal address (an e-mail
 * address, a phone number, a push token) for people without an account.
 */
public record Recipient(Kind kind, String value) {

    public enum Kind {
        USER,
        GROUP,
        ADDRESS
    }

    public Recipient {
        if (kind == null || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a recipient needs a kind and a value");
        }
        value = value.trim();
    }

    public static Recipient user(String userId) {
        return new Recipient(Kind.USER, userId);
    }

    public static Recipient group(String groupId) {
        return new Recipient(Kind.GROUP, groupId);
    }

    public static Recipient address(String address) {
        return new Recipient(Kind.ADDRESS, address);
    }

    /** {@code user:bob}, {@code group:staff}, {@code address:a@example.com}; bare values with '@' are addresses, others users. */
    public static Recipient parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon > 0) {
            String prefix = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = trimmed.substring(colon + 1);
            switch (prefix) {
                case "user" -> {
                    return user(rest);
                }
                case "group" -> {
                    return group(rest);
                }
                case "address" -> {
                    return address(rest);
                }
                default -> {
                    // not a prefix (e.g. a URL-like token); fall through to the bare-value rule
                }
            }
        }
        return trimmed.contains("@") ? address(trimmed) : user(trimmed);
    }
}
