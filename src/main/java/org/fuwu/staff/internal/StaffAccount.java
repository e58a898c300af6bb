package org.fuwu.staff.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;

/**
 * A staff account as read from the database, without its password hash.
 *
 * @param scopeLevel the level of the scope the account works in
 * @param scopeCode the region or branch code; {@code null} for the bank
 * @param skills skill code to proficiency (1..5)
 */
public record StaffAccount(long id, String username, String displayName, String employeeNumber, boolean enabled,
                           Set<Role> roles, Scope.Level scopeLevel, String scopeCode, Map<String, Integer> skills,
                           long version, Instant createdAt, Instant updatedAt) {

    public StaffAccount {
        roles = Set.copyOf(roles);
        skills = Map.copyOf(new TreeMap<>(skills));
    }

    /** A short label such as {@code BRANCH:B001} or {@code BANK}. */
    public String scopeLabel() {
        return scopeLevel == Scope.Level.BANK ? "BANK" : scopeLevel + ":" + scopeCode;
    }
}
