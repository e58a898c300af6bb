package org.fuwu.queueing.web;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.fuwu.platform.web.Problems;
import org.fuwu.queueing.internal.AlmostTurnProperties;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.queueing.internal.QueueingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The lobby's rows of the access policy table.
 *
 * <p>Who may take a ticket: the kiosk and the mobile page are customers' clients without a staff
 * login, so {@code POST /api/v1/branches/{b}/tickets} and the kiosk page are PUBLIC, and an
 * anonymous caller is rate-limited per client address ({@code fuwu.queueing.anonymous-issues-per-window},
 * 20 a minute by default; over it: 429). An anonymous caller cannot name a customer (422 on
 * {@code customerId}); priority comes from identification at the kiosk, looked up server-side. A
 * staff caller (a lobby manager, or a kiosk holding a machine token) is not rate-limited, may name a
 * customer, and is held to its branch scope. A ticket's status and its cancellation are PUBLIC by
 * the unguessable token. Reading service types and the matrix is for staff (organization's row for
 * {@code GET /api/v1/branches/**} says the same); changing them is for administrators.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QueueingProperties.class, AlmostTurnProperties.class})
class QueueingWebConfiguration {

    @Bean
    AccessRules queueingAccessRules() {
        Role[] staff = Role.values();
        Role[] console = {Role.TELLER, Role.LOBBY_MANAGER, Role.ADMIN};
        return () -> List.of(
                // API
                AccessRule.roles("GET", "/api/v1/branches/*/services", staff),
                AccessRule.roles("GET", "/api/v1/branches/*/services/*", staff),
                AccessRule.roles("POST", "/api/v1/branches/*/services", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/branches/*/services/*", Role.ADMIN),
                AccessRule.roles("GET", "/api/v1/branches/*/counter-services", staff),
                AccessRule.roles("PUT", "/api/v1/branches/*/counter-services/*", Role.ADMIN),
                AccessRule.publicAccess("POST", "/api/v1/branches/*/tickets"),
                // counter console (tellers act; staff of other roles read the live queue like the other branch data)
                AccessRule.roles("POST", "/api/v1/branches/*/counters/*/call-next", console),
                AccessRule.roles("POST", "/api/v1/branches/*/counters/*/serve-walk-in", console),
                AccessRule.roles("PUT", "/api/v1/branches/*/counters/*/state", console),
                AccessRule.roles("GET", "/api/v1/branches/*/queue", staff),
                AccessRule.roles("GET", "/api/v1/branches/*/routing-policy", staff),
                AccessRule.roles("PUT", "/api/v1/branches/*/routing-policy", Role.ADMIN),
                AccessRule.roles("GET", "/api/v1/tickets/*", console),
                AccessRule.roles("GET", "/api/v1/tickets/*/overtakes", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/recall", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/start", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/complete", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/no-show", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/transfer", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/cancel", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/park", console),
                AccessRule.roles("POST", "/api/v1/tickets/*/return", console),
                AccessRule.publicAccess("GET", "/api/v1/tickets/status/*"),
                AccessRule.publicAccess("POST", "/api/v1/tickets/status/*/cancel"),
                AccessRule.publicAccess("PUT", "/api/v1/tickets/status/*/notify-mobile"),
                // pages
                AccessRule.publicAccess("GET", "/kiosk/*"),
                AccessRule.publicAccess("POST", "/kiosk/*/tickets"),
                AccessRule.publicAccess("GET", "/kiosk/*/tickets/*"),
                AccessRule.publicAccess("GET", "/q/*"),
                AccessRule.publicAccess("POST", "/q/*/cancel"),
                AccessRule.publicAccess("POST", "/q/*/notify"),
                AccessRule.roles("GET", "/counter", console),
                AccessRule.roles("GET", "/counter/*/*", console),
                AccessRule.roles("POST", "/counter/*/*/call-next", console),
                AccessRule.roles("POST", "/counter/*/*/serve-walk-in", console),
                AccessRule.roles("POST", "/counter/*/*/state", console),
                AccessRule.roles("POST", "/counter/*/*/tickets/*/*", console),
                AccessRule.roles("GET", "/queueing", Role.ADMIN),
                AccessRule.roles("GET", "/queueing/branches/*", Role.ADMIN),
                AccessRule.roles("GET", "/queueing/branches/*/services/new", Role.ADMIN),
                AccessRule.roles("GET", "/queueing/branches/*/services/*/edit", Role.ADMIN),
                AccessRule.roles("POST", "/queueing/branches/*/services", Role.ADMIN),
                AccessRule.roles("POST", "/queueing/branches/*/services/*", Role.ADMIN),
                AccessRule.roles("POST", "/queueing/branches/*/counter-services", Role.ADMIN),
                // the lobby manager (大堂经理)
                AccessRule.roles("POST", "/api/v1/tickets/*/priority", MANAGER),
                AccessRule.roles("GET", "/lobby", MANAGER),
                AccessRule.roles("GET", "/lobby/*", MANAGER),
                AccessRule.roles("POST", "/lobby/*/tickets", MANAGER),
                AccessRule.roles("POST", "/lobby/*/tickets/*/transfer", MANAGER),
                AccessRule.roles("POST", "/lobby/*/tickets/*/priority", MANAGER),
                AccessRule.roles("POST", "/lobby/*/counters/*/open", MANAGER));
    }

    /** Who runs the lobby: lobby managers and administrators. */
    static final Role[] MANAGER = {Role.LOBBY_MANAGER, Role.ADMIN};

    /**
     * The lobby statistics' rows (read only; branch scope is checked in the service). Ordered before the
     * other modules' rows: the table is first-match, and organization's {@code GET /api/v1/branches/**}
     * (any staff) would otherwise let tellers and agents read them.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    AccessRules lobbyStatisticsAccessRules() {
        return () -> List.of(
                AccessRule.roles("GET", "/api/v1/branches/*/statistics", STATISTICS),
                AccessRule.roles("GET", "/api/v1/branches/*/statistics.csv", STATISTICS),
                AccessRule.roles("GET", "/api/v1/branches/*/estimate-accuracy", STATISTICS),
                AccessRule.roles("GET", "/api/v1/branches/*/lobby-overview", Role.LOBBY_MANAGER, Role.SUPERVISOR,
                        Role.ADMIN),
                AccessRule.roles("GET", "/queueing/statistics", STATISTICS),
                AccessRule.roles("GET", "/queueing/branches/*/statistics", STATISTICS));
    }

    /** Who reads the lobby statistics: managers, supervisors, analysts, quality, risk, auditors, administrators. */
    static final Role[] STATISTICS = {Role.LOBBY_MANAGER, Role.SUPERVISOR, Role.ANALYST, Role.ADMIN,
            Role.QUALITY_MANAGER, Role.RISK_ANALYST, Role.AUDITOR};

    @Bean
    Workspace lobbyStatisticsWorkspace() {
        return new Workspace("lobby-statistics", "/queueing/statistics", "bar-chart", 420, Set.of(STATISTICS));
    }

    @Bean
    Workspace lobbyWorkspace() {
        return new Workspace("lobby", "/queueing", "ticket-perforated", 400, Set.of(Role.ADMIN));
    }

    @Bean
    Workspace lobbyManagerWorkspace() {
        return new Workspace("lobby-manager", "/lobby", "people", 405, Set.of(MANAGER));
    }

    @Bean
    Workspace counterWorkspace() {
        return new Workspace("counter", "/counter", "person-workspace", 410,
                Set.of(Role.TELLER, Role.LOBBY_MANAGER, Role.ADMIN));
    }

    @Bean
    ClientRateLimit issueRateLimit(QueueingProperties properties, Clock clock) {
        return new ClientRateLimit(properties.anonymousIssuesPerWindow(), properties.anonymousIssueWindow(), clock);
    }

    /** Answers the lobby's own failures: 429 when an anonymous client takes too many tickets. */
    @ControllerAdvice(basePackageClasses = QueueingWebConfiguration.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class QueueingExceptionHandler {

        private final Problems problems;

        QueueingExceptionHandler(Problems problems) {
            this.problems = problems;
        }

        @ExceptionHandler(TooManyTicketsException.class)
        Object tooMany(HttpServletRequest req, HttpServletResponse res) {
            ProblemDetail p = problems.build(req, HttpStatus.TOO_MANY_REQUESTS, "too-many-tickets",
                    "queueing.problem.tooManyTickets");
            res.setHeader("Retry-After", "60");
            if (!Problems.wantsHtml(req)) {
                return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
            res.setStatus(p.getStatus());
            ModelAndView mv = new ModelAndView("error");
            mv.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            mv.addObject("problem", p);
            return mv;
        }
    }
}
