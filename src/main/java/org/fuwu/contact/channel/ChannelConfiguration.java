package org.fuwu.contact.channel;

import java.util.List;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channel webhooks' rows of the access policy table: PUBLIC, because the SMS gateway and WeChat
 * carry no staff login; each request proves itself by its signature instead (401 without a good one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelProperties.class)
class ChannelConfiguration {

    @Bean
    AccessRules channelAccessRules() {
        return () -> List.of(
                AccessRule.publicAccess("POST", "/api/v1/channels/sms/inbound"),
                AccessRule.publicAccess("GET", "/api/v1/channels/wechat"),
                AccessRule.publicAccess("POST", "/api/v1/channels/wechat"),
                // the telephony platform holds an administrator's machine token
                AccessRule.roles("POST", "/api/v1/cti/calls", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/cti/calls/*/events", Role.ADMIN),
                AccessRule.roles("POST", "/api/v1/cti/calls/*/callback", Role.ADMIN),
                // the agent's softphone panel
                AccessRule.roles("POST", "/api/v1/conversations/*/call", Role.AGENT, Role.SUPERVISOR, Role.ADMIN));
    }
}
