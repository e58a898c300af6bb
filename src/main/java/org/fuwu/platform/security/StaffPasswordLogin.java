package org.fuwu.platform.security;

import org.fuwu.platform.AuditLog;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff password login outside the log-in form, such as {@code POST /api/v1/auth/token}: the very
 * same check as the form (rate limit, dummy hash for unknown names, audit of every outcome).
 */
@Component
public class StaffPasswordLogin {

    private final ProviderManager manager;

    StaffPasswordLogin(StaffCredentials credentials, PasswordEncoder encoder, LoginGuard guard, AuditLog audit) {
        this.manager = new ProviderManager(new StaffAuthenticationProvider(credentials, encoder, guard, audit));
    }

    /**
     * Checks a username and password.
     *
     * @return the authentication, whose principal is a {@link org.fuwu.platform.StaffPrincipal}
     * @throws LoginThrottledException when the account or the client address is locked by the rate limit
     * @throws AuthenticationException when the credentials are wrong or the account is disabled
     */
    public Authentication login(String username, String password) {
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    /** The one authentication manager of staff logins, shared by the log-in form. */
    AuthenticationManager manager() {
        return manager;
    }
}
