package org.fuwu.queueing.live;

import java.util.List;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * The live lobby's rows of the access policy table: the display board page and its stream are
 * public (a lobby TV has no login; they carry numbers and counters only), a ticket's stream is public
 * by its unguessable token, and the branch stream under the API is for staff (held to their branch
 * scope in the controller).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BoardProperties.class)
class LiveConfiguration {

    @Bean
    AccessRules liveLobbyAccessRules() {
        return () -> List.of(
                AccessRule.roles("GET", "/api/v1/branches/*/events", Role.values()),
                AccessRule.publicAccess("GET", "/board/*"),
                AccessRule.publicAccess("GET", "/board/*/events"),
                AccessRule.publicAccess("GET", "/q/*/events"));
    }

    /**
     * A stream whose client went away is not a failure: nothing is answered (the platform's handler
     * would log it as an unexpected error and try to write to the closed response).
     */
    @ControllerAdvice(assignableTypes = LiveController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class LiveExceptionHandler {

        @ExceptionHandler(AsyncRequestNotUsableException.class)
        void clientGone() {
            // the client disconnected; its stream is dropped by the hub
        }
    }
}
