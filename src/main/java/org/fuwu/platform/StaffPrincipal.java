package org.fuwu.platform;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is acting: a staff member logged in through the browser, a staff member holding a bearer
 * token, or a machine client holding an API token. Kept in the session, so it holds no secret.
 */
public record StaffPrincipal(long accountId, String username, String displayName, Set<Role> roles, Scope scope,
                             String tokenName) implements Serializable {

    public StaffPrincipal {
        roles = Set.copyOf(roles);
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
