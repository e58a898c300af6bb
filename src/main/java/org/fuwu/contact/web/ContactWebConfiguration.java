package org.fuwu.contact.web;

import java.util.List;
import java.util.Set;

import org.fuwu.contact.internal.ContactProperties;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contact centre's rows of the access policy table. A customer's chat is PUBLIC: started
 * anonymously (rate-limited per client address) and reached afterwards only by its unguessable token.
 * Agents work their own conversations (the services check the conversation is theirs); supervisors
 * and administrators watch, whisper, reassign and configure queues and agents.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactProperties.class)
class ContactWebConfiguration {

    /** Who handles conversations. */
    static final Role[] AGENTS = {Role.AGENT, Role.SUPERVISOR, Role.ADMIN};
    /** Who reads the historical reports. */
    static final Role[] REPORTS = {Role.SUPERVISOR, Role.ADMIN, Role.ANALYST, Role.QUALITY_MANAGER};

    /** Who supervises. */
    static final Role[] SUPERVISORS = {Role.SUPERVISOR, Role.ADMIN};

    @Bean
    AccessRules contactAccessRules() {
        return () -> List.of(
                // the customer's chat, by token
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations"),
                AccessRule.publicAccess("GET", "/api/v1/chat/conversations/*"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/messages"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/typing"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/leave"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/rating"),
                AccessRule.publicAccess("GET", "/api/v1/chat/conversations/*/events"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/verification"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/attachments"),
                AccessRule.publicAccess("GET", "/api/v1/chat/conversations/*/attachments/*"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/transcript"),
                AccessRule.publicAccess("POST", "/api/v1/chat/conversations/*/verification/confirm"),
                AccessRule.publicAccess("GET", "/chat"),
                AccessRule.publicAccess("GET", "/chat/widget.js"),
                // the agent
                AccessRule.roles("GET", "/api/v1/agents/me", AGENTS),
                AccessRule.roles("PUT", "/api/v1/agents/me/presence", AGENTS),
                AccessRule.roles("GET", "/api/v1/agents/me/events", AGENTS),
                AccessRule.roles("GET", "/api/v1/conversations/*", AGENTS),
                AccessRule.roles("GET", "/api/v1/conversations/*/customer", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/attachments", AGENTS),
                AccessRule.roles("GET", "/api/v1/conversations/*/attachments/*", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/accept", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/decline", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/messages", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/notes", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/typing", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/end", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/transfer", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/case", AGENTS),
                AccessRule.roles("GET", "/api/v1/contact/queues", AGENTS),
                AccessRule.roles("GET", "/api/v1/contact/wrap-up-codes", AGENTS),
                AccessRule.roles("GET", "/api/v1/contact/canned-responses", AGENTS),
                AccessRule.roles("GET", "/api/v1/contact/macros", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/macro", AGENTS),
                AccessRule.roles("GET", "/api/v1/conversations/*/knowledge", AGENTS),
                AccessRule.roles("POST", "/api/v1/conversations/*/knowledge/*/use", AGENTS),
                AccessRule.roles("GET", "/agent", AGENTS),
                // the branch hands a customer's matter over
                AccessRule.roles("POST", "/api/v1/contact/branch-conversations", Role.TELLER, Role.LOBBY_MANAGER, Role.ADMIN),
                // the supervisor
                AccessRule.roles("POST", "/api/v1/conversations/*/whisper", SUPERVISORS),
                AccessRule.roles("POST", "/api/v1/conversations/*/reassign", SUPERVISORS),
                AccessRule.roles("GET", "/api/v1/conversations/*/events", SUPERVISORS),
                AccessRule.roles("POST", "/api/v1/contact/queues", SUPERVISORS),
                AccessRule.roles("PUT", "/api/v1/contact/queues/*", SUPERVISORS),
                AccessRule.roles("GET", "/api/v1/contact/agents", SUPERVISORS),
                AccessRule.roles("PUT", "/api/v1/contact/canned-responses/*/*", SUPERVISORS),
                AccessRule.roles("DELETE", "/api/v1/contact/canned-responses/*/*", SUPERVISORS),
                AccessRule.roles("PUT", "/api/v1/contact/macros/*/*", SUPERVISORS),
                AccessRule.roles("DELETE", "/api/v1/contact/macros/*/*", SUPERVISORS),
                AccessRule.roles("GET", "/supervisor/responses", SUPERVISORS),
                AccessRule.roles("PUT", "/api/v1/contact/agents/*", SUPERVISORS),
                AccessRule.roles("PUT", "/api/v1/contact/agents/*/skills", SUPERVISORS),
                AccessRule.roles("GET", "/api/v1/contact/wall", SUPERVISORS),
                AccessRule.roles("GET", "/api/v1/contact/wall/events", SUPERVISORS),
                AccessRule.roles("GET", "/supervisor/wall", SUPERVISORS),
                AccessRule.roles("GET", "/api/v1/contact/outbox", SUPERVISORS),
                AccessRule.roles("GET", "/api/v1/contact/reports", REPORTS),
                AccessRule.roles("GET", "/api/v1/contact/reports.csv", REPORTS),
                AccessRule.roles("GET", "/supervisor/reports", REPORTS),
                AccessRule.roles("POST", "/api/v1/contact/outbox/*/retry", SUPERVISORS));
    }

    /** Answers 429 when an anonymous client starts too many chats. */
    @org.springframework.web.bind.annotation.RestControllerAdvice(basePackageClasses = ContactWebConfiguration.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    static class ContactExceptionHandler {

        private final org.fuwu.platform.web.Problems problems;

        ContactExceptionHandler(org.fuwu.platform.web.Problems problems) {
            this.problems = problems;
        }

        @org.springframework.web.bind.annotation.ExceptionHandler(TooManyChatsException.class)
        org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> tooMany(
                jakarta.servlet.http.HttpServletRequest req) {
            var p = problems.build(req, org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "too-many-chats",
                    "contact.problem.tooManyChats");
            return org.springframework.http.ResponseEntity.status(p.getStatus()).header("Retry-After", "60")
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
    }

    @Bean
    Workspace agentWorkspace() {
        return new Workspace("agent", "/agent", "headset", 500, Set.of(AGENTS));
    }

    @Bean
    Workspace reportsWorkspace() {
        return new Workspace("contact-reports", "/supervisor/reports", "graph-up", 515, Set.of(REPORTS));
    }

    @Bean
    Workspace responsesWorkspace() {
        return new Workspace("responses", "/supervisor/responses", "chat-square-quote", 520, Set.of(SUPERVISORS));
    }

    @Bean
    Workspace wallWorkspace() {
        return new Workspace("wall", "/supervisor/wall", "display", 510, Set.of(SUPERVISORS));
    }
}
