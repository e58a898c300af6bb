package org.fuwu.staff.internal;

import java.time.Instant;
import java.util.Set;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;

/**
 * An API token as stored, without its value (only its hash is kept, and never leaves the repository).
 *
 * @param accountId the staff account of a SESSION token; {@code null} for a MACHINE token
 * @param roles the roles of a MACHINE token (a SESSION token has its account's)
 */
public record ApiToken(long id, Kind kind, String name, Long accountId, Set<Role> roles, Scope.Level scopeLevel,
                       String scopeCode, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       String revokedBy, Instant lastUsedAt) {

    /** MACHINE: for kiosks, channel adapters and scripts; SESSION: a staff member's bearer token. */
    public enum Kind { MACHINE, SESSION }

    /** What a token is now. */
    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public ApiToken {
        roles = Set.copyOf(roles);
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }

    public String scopeLabel() {
        return scopeLevel == null || scopeLevel == Scope.Level.BANK ? "BANK" : scopeLevel + ":" + scopeCode;
    }
}
