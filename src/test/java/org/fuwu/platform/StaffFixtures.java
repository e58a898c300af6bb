package org.fuwu.platform;

import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** The platform's test fixtures: principals of any role and scope, for MockMvc. */
public final class StaffFixtures {

    private StaffFixtures() {
    }

    public static StaffPrincipal principal(Scope scope, Role... roles) {
        return new StaffPrincipal(0, "test-" + String.join("-", java.util.Arrays.stream(roles).map(Role::name).toList()).toLowerCase(),
                "Test", Set.of(roles), scope, null);
    }

    /** Acts as a staff member of these roles, bank-wide. */
    public static RequestPostProcessor as(Role... roles) {
        return as(principal(Scope.bank(), roles));
    }

    public static RequestPostProcessor as(StaffPrincipal p) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null,
                p.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
