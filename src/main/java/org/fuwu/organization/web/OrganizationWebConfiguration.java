package org.fuwu.organization.web;

import java.util.List;
import java.util.Set;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organisation's rows of the access policy, and its workspace. Reading is for every staff role
 * through the API and for the branch-facing roles in the UI, always scoped by branch (in the
 * service); changing is for administrators.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationWebConfiguration {

    /** The roles that may open the organisation pages: administrators edit, the others view their branches. */
    static final Role[] UI_READERS = {Role.ADMIN, Role.LOBBY_MANAGER, Role.TELLER, Role.SUPERVISOR};

    @Bean
    AccessRules organizationAccessRules() {
        Role[] staff = Role.values();
        return () -> List.of(
                AccessRule.roles("GET", "/api/v1/regions", staff),
                AccessRule.roles("GET", "/api/v1/regions/*", staff),
                AccessRule.roles("POST", "/api/v1/regions", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/regions/*", Role.ADMIN),
                AccessRule.roles("GET", "/api/v1/branches", staff),
                AccessRule.roles("GET", "/api/v1/branches/**", staff),
                AccessRule.roles("POST", "/api/v1/branches", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/branches/*", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/branches/*/zones", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/branches/*/zones/*", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/branches/*/counters", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/branches/*/counters/*", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/branches/*/opening-hours", Role.ADMIN),
                AccessRule.roles("GET", "/organization/regions/new", Role.ADMIN),
                AccessRule.roles("GET", "/organization/regions/*/edit", Role.ADMIN),
                AccessRule.roles("GET", "/organization/branches/new", Role.ADMIN),
                AccessRule.roles("GET", "/organization/branches/*/edit", Role.ADMIN),
                AccessRule.roles("GET", "/organization/branches/*/zones/new", Role.ADMIN),
                AccessRule.roles("GET", "/organization/branches/*/zones/*/edit", Role.ADMIN),
                AccessRule.roles("GET", "/organization/branches/*/counters/new", Role.ADMIN),
                AccessRule.roles("GET", "/organization/branches/*/counters/*/edit", Role.ADMIN),
                AccessRule.roles("GET", "/organization/branches/*/hours/edit", Role.ADMIN),
                AccessRule.roles("GET", "/organization", UI_READERS),
                AccessRule.roles("GET", "/organization/regions", UI_READERS),
                AccessRule.roles("GET", "/organization/branches", UI_READERS),
                AccessRule.roles("GET", "/organization/branches/*", UI_READERS),
                AccessRule.roles("POST", "/organization/regions", Role.ADMIN),
                AccessRule.roles("POST", "/organization/regions/*", Role.ADMIN),
                AccessRule.roles("POST", "/organization/branches", Role.ADMIN),
                AccessRule.roles("POST", "/organization/branches/*", Role.ADMIN),
                AccessRule.roles("POST", "/organization/branches/*/zones", Role.ADMIN),
                AccessRule.roles("POST", "/organization/branches/*/zones/*", Role.ADMIN),
                AccessRule.roles("POST", "/organization/branches/*/counters", Role.ADMIN),
                AccessRule.roles("POST", "/organization/branches/*/counters/*", Role.ADMIN),
                AccessRule.roles("POST", "/organization/branches/*/hours", Role.ADMIN));
    }

    @Bean
    Workspace organizationWorkspace() {
        return new Workspace("organization", "/organization", "diagram-3", 700, Set.of(UI_READERS));
    }
}
