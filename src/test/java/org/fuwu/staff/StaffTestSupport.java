package org.fuwu.staff;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.concurrent.atomic.AtomicInteger;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Helpers for the staff integration tests: principals, unique names and client addresses. */
final class StaffTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private StaffTestSupport() {
    }

    /** A name no other test (nor an earlier run against the same database) uses. */
    static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    /**
     * A client address for this run of the suite: failed logins persist (on PostgreSQL across runs),
     * so each run takes its own second octet, and each test its own last two.
     */
    static String address(int group, int host) {
        return "10." + RUN_OCTET + "." + group + "." + host;
    }

    private static final int RUN_OCTET = (int) ((System.nanoTime() >>> 12) % 250);

    /** A client address of its own, so that the per-address login limit of one test locks no other. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static RequestPostProcessor as(long accountId, String username, Role role, Scope scope) {
        StaffPrincipal p = new StaffPrincipal(accountId, username, username, java.util.Set.of(role), scope, null);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null,
                java.util.List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
