package org.fuwu.platform;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the access policy table: a request pattern and who may call it. Every module declares
 * its rows as an {@link AccessRules} bean; the security configuration enforces the union, denies
 * everything else, and a test walks every endpoint against the same table.
 *
 * @param method an HTTP method, or {@code *} for all
 * @param pattern a path pattern, such as {@code /api/v1/customers/**}
 * @param access who may call it
 * @param roles the roles, when {@code access} is {@link Access#ROLES}
 */
public record AccessRule(String method, String pattern, Access access, Set<Role> roles) {

    public enum Access { PUBLIC, AUTHENTICATED, ROLES }

    public AccessRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (access == Access.ROLES && roles.isEmpty()) {
            throw new IllegalArgumentException("a role rule names its roles: " + pattern);
        }
    }

    public static AccessRule publicAccess(String method, String pattern) {
        return new AccessRule(method, pattern, Access.PUBLIC, Set.of());
    }

    public static AccessRule authenticated(String method, String pattern) {
        return new AccessRule(method, pattern, Access.AUTHENTICATED, Set.of());
    }

    public static AccessRule roles(String method, String pattern, Role... roles) {
        return new AccessRule(method, pattern, Access.ROLES, Set.of(roles));
    }

    /** Whether a holder of these roles may call it (a logged-in caller for AUTHENTICATED). */
    public boolean allows(Set<Role> held) {
        return switch (access) {
            case PUBLIC, AUTHENTICATED -> true;
            case ROLES -> held.stream().anyMatch(roles::contains);
        };
    }

    /** A module's rows of the access policy table. Order matters within a module: the first match wins. */
    public interface AccessRules {
        List<AccessRule> rules();
    }
}
