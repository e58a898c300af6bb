package org.fuwu.platform.calendar;

import java.util.List;
import java.util.Set;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business calendars' rows of the access policy, and their administration workspace. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    AccessRules calendarAccessRules() {
        Role[] staff = Role.values();
        return () -> List.of(
                AccessRule.roles("GET", "/api/v1/calendars", staff),
                AccessRule.roles("GET", "/api/v1/calendars/**", staff),
                AccessRule.roles("POST", "/api/v1/calendars/*/days", Role.ADMIN),
                AccessRule.roles("DELETE", "/api/v1/calendars/*/days/*", Role.ADMIN),
                AccessRule.roles("GET", "/calendars", Role.ADMIN),
                AccessRule.roles("GET", "/calendars/*", Role.ADMIN),
                AccessRule.roles("POST", "/calendars/*/days", Role.ADMIN),
                AccessRule.roles("POST", "/calendars/*/days/*/delete", Role.ADMIN));
    }

    @Bean
    Workspace calendarsWorkspace() {
        return new Workspace("calendars", "/calendars", "calendar3", 850, Set.of(Role.ADMIN));
    }
}
