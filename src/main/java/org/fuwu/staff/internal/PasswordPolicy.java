package org.fuwu.staff.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The minimum password policy for staff accounts set by an administrator: at least 10 characters,
 * at most 72 bytes (bcrypt's limit), not only one repeated character, and not containing the
 * username. The demo accounts (profile demo only) are exempt.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    /** Why a password is refused: the suffix of a message key {@code staff.password.<reason>}. */
    public enum Violation {
        REQUIRED("required"), TOO_SHORT("too-short"), TOO_LONG("too-long"), MONOTONOUS("monotonous"),
        CONTAINS_USERNAME("contains-username");

        private final String key;

        Violation(String key) {
            this.key = key;
        }

        public String messageKey() {
            return "staff.password." + key;
        }
    }

    private PasswordPolicy() {
    }

    /** The first rule the password breaks, if any. */
    public static Optional<Violation> check(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of(Violation.REQUIRED);
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Violation.TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Violation.TOO_LONG);
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of(Violation.MONOTONOUS);
        }
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (u.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(u)) {
            return Optional.of(Violation.CONTAINS_USERNAME);
        }
        return Optional.empty();
    }
}
