package org.fuwu.staff.internal;

import java.util.List;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff module's rows of the access policy table, and its workspace tiles. */
@Configuration(proxyBeanMethods = false)
class StaffConfiguration {

    @Bean
    AccessRules staffAccessRules() {
        return () -> List.of(
                AccessRule.publicAccess("POST", "/api/v1/auth/token"),
                AccessRule.authenticated("GET", "/api/v1/staff/me"),
                AccessRule.roles("GET", "/api/v1/staff", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/staff", Role.ADMIN),
                AccessRule.roles("GET", "/api/v1/staff/*", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/staff/*", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/staff/*/password", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/staff/*/enabled", Role.ADMIN),
                AccessRule.roles("PUT", "/api/v1/staff/*/skills", Role.ADMIN),
                AccessRule.roles("GET", "/api/v1/skills", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/skills", Role.ADMIN),
                AccessRule.roles("GET", "/api/v1/admin/tokens", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/admin/tokens", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/admin/tokens/*/revoke", Role.ADMIN),
                AccessRule.roles("DELETE", "/api/v1/admin/tokens/*", Role.ADMIN),
                AccessRule.roles("GET", "/staff", Role.ADMIN),
                AccessRule.roles("GET", "/staff/**", Role.ADMIN),
                AccessRule.roles("POST", "/staff/**", Role.ADMIN));
    }

    @Bean
    Workspace staffWorkspace() {
        return new Workspace("staff", "/staff", "person-badge", 800, java.util.Set.of(Role.ADMIN));
    }
}
