package org.fuwu.platform.security;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.Role;
import org.fuwu.platform.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Staff security, deny by default: every request must match a row of the access policy table
 * (the union of every module's {@link AccessRules}), or it is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FuwuSecurityProperties.class)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The platform's own rows: log-in, static files, error pages, health, metrics, API docs and the audit log. */
    @Bean
    AccessRules platformAccessRules() {
        Role[] all = Role.values();
        return () -> List.of(
                AccessRule.publicAccess("*", "/login"),
                AccessRule.publicAccess("GET", "/webjars/**"),
                AccessRule.publicAccess("GET", "/css/**"),
                AccessRule.publicAccess("GET", "/js/**"),
                AccessRule.publicAccess("GET", "/img/**"),
                AccessRule.publicAccess("GET", "/favicon.ico"),
                AccessRule.publicAccess("*", "/error"),
                AccessRule.publicAccess("GET", "/actuator/health"),
                AccessRule.publicAccess("GET", "/actuator/health/**"),
                AccessRule.roles("GET", "/actuator/prometheus", Role.ADMIN),
                AccessRule.roles("GET", "/actuator/info", Role.ADMIN),
                AccessRule.roles("GET", "/v3/api-docs", all),
                AccessRule.roles("GET", "/v3/api-docs/**", all),
                AccessRule.roles("GET", "/v3/api-docs.yaml", all),
                AccessRule.roles("GET", "/swagger-ui.html", all),
                AccessRule.roles("GET", "/swagger-ui/**", all),
                AccessRule.authenticated("GET", "/"),
                AccessRule.authenticated("POST", "/logout"),
                AccessRule.roles("GET", "/audit", Role.ADMIN, Role.AUDITOR),
                AccessRule.roles("GET", "/api/v1/audit/**", Role.ADMIN, Role.AUDITOR));
    }

    /**
     * The only authentication manager: staff password login (shared by the form and the token
     * endpoint, without a fallback to any other user store).
     */
    @Bean
    AuthenticationManager staffAuthenticationManager(StaffPasswordLogin login) {
        return login.manager();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<AccessRules> modules, AuthenticationManager staffAuthenticationManager,
                                            BearerTokenVerifier tokens, AuditLog audit, Problems problems) throws Exception {
        http.authenticationManager(staffAuthenticationManager);
        http.addFilterBefore(new BearerTokenFilter(tokens, problems, audit), UsernamePasswordAuthenticationFilter.class);
        // the access policy table, first match wins, everything else denied (AccessTable files the rows by
        // their literal path prefix, so a request tries a handful of rows rather than all of them)
        AccessTable table = new AccessTable(AccessPolicy.union(modules));
        http.authorizeHttpRequests(auth -> auth.anyRequest().access(table));
        http.formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                .defaultSuccessUrl("/", false)
                .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                        + (ex instanceof LoginThrottledException ? "/login?locked" : "/login?error"))));
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                .deleteCookies("FUWU_SESSION").addLogoutHandler((req, res, auth) -> {
                    if (auth != null) {
                        audit.record("auth.logout", "staff:" + auth.getName(), AuditLog.Outcome.SUCCESS, Map.of());
                    }
                }));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(apiWithoutSession()));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(problems)).accessDeniedHandler(deniedHandler(problems, audit)));
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(self)")));
        return http.build();
    }

    /** API calls that carry a bearer token, or no session at all, cannot be forged cross-site: no CSRF token needed. */
    static RequestMatcher apiWithoutSession() {
        return req -> {
            String path = req.getRequestURI().substring(req.getContextPath().length());
            return path.startsWith("/api/") && (BearerTokenFilter.tokenOf(req).isPresent() || req.getRequestedSessionId() == null);
        };
    }

    private static AuthenticationEntryPoint entryPoint(Problems problems) {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (req, res, ex) -> {
            if (!Problems.wantsHtml(req)) {
                res.setHeader("WWW-Authenticate", "Bearer");
                problems.write(req, res, problems.build(req, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized.detail"));
            } else {
                login.commence(req, res, ex);
            }
        };
    }

    private static AccessDeniedHandler deniedHandler(Problems problems, AuditLog audit) {
        return (req, res, ex) -> {
            boolean csrf = ex instanceof CsrfException;
            audit.record(csrf ? "access.csrf" : "access.denied", req.getMethod() + " " + req.getRequestURI(),
                    AuditLog.Outcome.DENIED, Map.of("scope", CurrentStaff.scope().label()));
            if (!Problems.wantsHtml(req)) {
                problems.write(req, res, problems.build(req, HttpStatus.FORBIDDEN, "forbidden",
                        csrf ? "problem.csrf.detail" : "problem.forbidden.detail"));
            } else {
                forwardToErrorPage(req, res, ex);
            }
        };
    }

    private static void forwardToErrorPage(HttpServletRequest req, HttpServletResponse res, AccessDeniedException ex)
            throws IOException, ServletException {
        req.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 403);
        req.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, req.getRequestURI());
        res.setStatus(403);
        req.getRequestDispatcher("/error").forward(req, res);
    }
}
