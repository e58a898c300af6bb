package org.fuwu.platform;

import java.io.Serializable;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is acting: a staff member logged in through the browser, a staff member holding a bearer
 * token, or a machine client holding an API token. Kept in the session, so it holds no secret.
 */
public record StaffPrincipal(long accountId, String username, String displayName, Set<Role> roles, Scope scope,
                             String tokenName) implements Serializable, AuthenticatedPrincipal {

    public StaffPrincipal {
        roles = Set.copyOf(roles);
    }

    /**
     * The username: what {@code Authentication.getName()} answers, so that Spring Session indexes a
     * session by it (column {@code principal_name}) and the logout audit names the user, rather than
     * this record's whole text.
     */
    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** The name written into the audit log: the username, and the token's name when one was used. */
    public String auditName() {
        return tokenName == null ? username : username + "/token:" + tokenName;
    }
}
