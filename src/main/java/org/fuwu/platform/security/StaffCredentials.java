package org.fuwu.platform.security;

import java.util.Optional;

import org.fuwu.platform.StaffPrincipal;

/** Port: the staff accounts that may log in. Implemented by the {@code staff} module. */
public interface StaffCredentials {

    /** A staff account ready for a password check. */
    record StaffLogin(StaffPrincipal principal, String passwordHash, boolean enabled) {
    }

    Optional<StaffLogin> findForLogin(String username);
}
