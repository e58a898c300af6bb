package org.fuwu.platform.security;

import java.util.Optional;

import org.fuwu.platform.StaffPrincipal;

/** Port: checks a bearer token (a staff session token or a machine API token). Implemented by {@code staff}. */
public interface BearerTokenVerifier {

    /** The principal the token stands for, when it is known, unexpired and not revoked. */
    Optional<StaffPrincipal> verify(String token);
}
