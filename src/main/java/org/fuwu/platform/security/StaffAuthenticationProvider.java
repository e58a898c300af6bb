package org.fuwu.platform.security;

import java.util.Map;
import java.util.Optional;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.Role;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.web.RequestOrigin;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password login for staff, in the browser and at {@code POST /api/v1/auth/token}: checks the rate
 * limit first, compares against a dummy hash for unknown names (so timing tells nothing), and
 * audits every outcome.
 */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffCredentials credentials;
    private final PasswordEncoder encoder;
    private final LoginGuard guard;
    private final AuditLog audit;
    private final String dummyHash;

    StaffAuthenticationProvider(StaffCredentials credentials, PasswordEncoder encoder, LoginGuard guard, AuditLog audit) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.guard = guard;
        this.audit = audit;
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String origin = RequestOrigin.current();
        if (guard.locked(username, origin)) {
            audit.recordAs(username, origin, "auth.login", "staff:" + username, AuditLog.Outcome.DENIED, Map.of("reason", "rate-limited"));
            throw new LoginThrottledException();
        }
        Optional<StaffCredentials.StaffLogin> login = credentials.findForLogin(username);
        boolean matches = encoder.matches(password, login.map(StaffCredentials.StaffLogin::passwordHash).orElse(dummyHash));
        if (login.isEmpty() || !matches) {
            guard.failed(username, origin);
            audit.recordAs(username, origin, "auth.login", "staff:" + username, AuditLog.Outcome.FAILURE, Map.of("reason", "bad-credentials"));
            throw new BadCredentialsException("bad credentials");
        }
        if (!login.get().enabled()) {
            audit.recordAs(username, origin, "auth.login", "staff:" + username, AuditLog.Outcome.DENIED, Map.of("reason", "disabled"));
            throw new DisabledException("account disabled");
        }
        guard.succeeded(username);
        StaffPrincipal principal = login.get().principal();
        audit.recordAs(principal.username(), origin, "auth.login", "staff:" + principal.username(), AuditLog.Outcome.SUCCESS, Map.of());
        return authenticated(principal);
    }

    static UsernamePasswordAuthenticationToken authenticated(StaffPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
