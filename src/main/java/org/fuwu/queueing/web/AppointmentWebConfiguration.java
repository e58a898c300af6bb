package org.fuwu.queueing.web;

import java.util.List;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.fuwu.queueing.internal.LobbyScheduleProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access rows of appointments, remote queueing and the end of day.
 *
 * <p>Customers' clients have no staff login: the remote page, booking, an appointment by its token (read,
 * cancel, check in), and a remote ticket's check-in by its token or at the kiosk are PUBLIC (taking a
 * ticket or booking is rate-limited per client address). Staff of every role read a branch's bookings and
 * lobby settings (like the other branch data; scope is checked in the services); administrators change
 * the settings and capacities; the end of day is run by hand by an administrator or the lobby manager.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LobbyScheduleProperties.class)
class AppointmentWebConfiguration {

    @Bean
    AccessRules appointmentAccessRules() {
        Role[] staff = Role.values();
        return () -> List.of(
                // API
                AccessRule.publicAccess("GET", "/api/v1/appointments/slots"),
                AccessRule.publicAccess("POST", "/api/v1/branches/*/appointments"),
                AccessRule.publicAccess("GET", "/api/v1/appointments/*"),
                AccessRule.publicAccess("POST", "/api/v1/appointments/*/cancel"),
                AccessRule.publicAccess("POST", "/api/v1/appointments/*/check-in"),
                AccessRule.roles("GET", "/api/v1/branches/*/appointments", staff),
                AccessRule.roles("PUT", "/api/v1/branches/*/services/*/appointment-capacity", Role.ADMIN),
                AccessRule.publicAccess("POST", "/api/v1/tickets/status/*/check-in"),
                AccessRule.roles("POST", "/api/v1/branches/*/end-of-day", Role.ADMIN, Role.LOBBY_MANAGER),
                AccessRule.roles("GET", "/api/v1/branches/*/lobby-settings", staff),
                AccessRule.roles("PUT", "/api/v1/branches/*/lobby-settings", Role.ADMIN),
                // pages
                AccessRule.publicAccess("GET", "/remote"),
                AccessRule.publicAccess("POST", "/remote/*/tickets"),
                AccessRule.publicAccess("GET", "/book/*"),
                AccessRule.publicAccess("POST", "/book/*"),
                AccessRule.publicAccess("GET", "/a/*"),
                AccessRule.publicAccess("POST", "/a/*/check-in"),
                AccessRule.publicAccess("POST", "/a/*/cancel"),
                AccessRule.publicAccess("POST", "/q/*/check-in"),
                AccessRule.publicAccess("POST", "/kiosk/*/check-in"));
    }
}
