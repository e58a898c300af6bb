package org.fuwu.platform.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.web.Problems;
import org.fuwu.platform.web.RequestOrigin;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} for this request only (no session). A token
 * that is unknown, expired or revoked is answered 401 and audited.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final BearerTokenVerifier verifier;
    private final Problems problems;
    private final AuditLog audit;

    BearerTokenFilter(BearerTokenVerifier verifier, Problems problems, AuditLog audit) {
        this.verifier = verifier;
        this.problems = problems;
        this.audit = audit;
    }

    static Optional<String> tokenOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = tokenOf(request);
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffPrincipal> principal = token.get().isEmpty() ? Optional.empty() : verifier.verify(token.get());
        if (principal.isEmpty()) {
            audit.recordAs("anonymous", RequestOrigin.current(), "auth.token", request.getMethod() + " " + request.getRequestURI(),
                    AuditLog.Outcome.FAILURE, Map.of("reason", "invalid-token"));
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, problems.build(request, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.invalid-token.detail"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(StaffAuthenticationProvider.authenticated(principal.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
