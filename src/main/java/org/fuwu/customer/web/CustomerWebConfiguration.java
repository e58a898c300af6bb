package org.fuwu.customer.web;

import static org.fuwu.customer.web.CustomerPermissions.CONSENT;
import static org.fuwu.customer.web.CustomerPermissions.MAINTAIN;
import static org.fuwu.customer.web.CustomerPermissions.READ;
import static org.fuwu.customer.web.CustomerPermissions.UNMASK;
import static org.fuwu.customer.web.CustomerPermissions.array;

import java.util.List;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Workspace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer module's rows of the access policy table, and its workspace tile. */
@Configuration(proxyBeanMethods = false)
class CustomerWebConfiguration {

    @Bean
    AccessRules customerAccessRules() {
        return () -> List.of(
                // API
                AccessRule.roles("GET", "/api/v1/customers", array(READ)),
                AccessRule.roles("POST", "/api/v1/customers", array(MAINTAIN)),
                AccessRule.roles("POST", "/api/v1/customers/search", array(READ)),
                AccessRule.roles("GET", "/api/v1/customers/*", array(READ)),
                AccessRule.roles("PUT", "/api/v1/customers/*", array(MAINTAIN)),
                AccessRule.roles("POST", "/api/v1/customers/*/unmask", array(UNMASK)),
                AccessRule.roles("POST", "/api/v1/customers/*/identities", array(MAINTAIN)),
                AccessRule.roles("DELETE", "/api/v1/customers/*/identities/*", array(MAINTAIN)),
                AccessRule.roles("GET", "/api/v1/customers/*/consent", array(READ)),
                AccessRule.roles("PUT", "/api/v1/customers/*/consent", array(CONSENT)),
                // pages
                AccessRule.roles("GET", "/customers", array(READ)),
                AccessRule.roles("POST", "/customers/search", array(READ)),
                AccessRule.roles("GET", "/customers/new", array(MAINTAIN)),
                AccessRule.roles("POST", "/customers", array(MAINTAIN)),
                AccessRule.roles("GET", "/customers/*", array(READ)),
                AccessRule.roles("GET", "/customers/*/edit", array(MAINTAIN)),
                AccessRule.roles("POST", "/customers/*", array(MAINTAIN)),
                AccessRule.roles("POST", "/customers/*/unmask", array(UNMASK)),
                AccessRule.roles("POST", "/customers/*/consent", array(CONSENT)),
                AccessRule.roles("POST", "/customers/*/identities", array(MAINTAIN)),
                AccessRule.roles("POST", "/customers/*/identities/*/delete", array(MAINTAIN)));
    }

    @Bean
    Workspace customersWorkspace() {
        return new Workspace("customers", "/customers", "people", 200, READ);
    }
}
