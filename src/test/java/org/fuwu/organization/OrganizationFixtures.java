package org.fuwu.organization;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The organisation tests' fixtures: principals of a role and scope, and unique codes. */
public final class OrganizationFixtures {

    private OrganizationFixtures() {
    }

    /** A logged-in staff member with one role and a scope, built directly (no staff account needed). */
    public static RequestPostProcessor as(Role role, Scope scope) {
        StaffPrincipal p = new StaffPrincipal(1, role.name().toLowerCase(Locale.ROOT), role.name(), Set.of(role), scope, null);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null,
                AuthorityUtils.createAuthorityList(role.authority())));
    }

    public static RequestPostProcessor admin() {
        return as(Role.ADMIN, Scope.bank());
    }

    public static RequestPostProcessor tellerOfB001() {
        return as(Role.TELLER, Scope.branch("B001"));
    }

    /** A code no other test uses: the prefix and six random upper-case letters and digits. */
    public static String uniqueCode(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (sb.length() < prefix.length() + 6) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
