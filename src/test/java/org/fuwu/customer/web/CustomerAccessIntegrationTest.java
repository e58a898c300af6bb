package org.fuwu.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.customer.CustomerFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Walks every customer endpoint with every role: exactly the roles of the table get past security. */
@FuwuIntegrationTest
class CustomerAccessIntegrationTest {

    private static final long NO_SUCH = 987_650_001L;

    record Endpoint(HttpMethod method, String path, Set<Role> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/customers", CustomerPermissions.READ),
            new Endpoint(HttpMethod.POST, "/api/v1/customers", CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.POST, "/api/v1/customers/search", CustomerPermissions.READ),
            new Endpoint(HttpMethod.GET, "/api/v1/customers/" + NO_SUCH, CustomerPermissions.READ),
            new Endpoint(HttpMethod.PUT, "/api/v1/customers/" + NO_SUCH, CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.POST, "/api/v1/customers/" + NO_SUCH + "/unmask", CustomerPermissions.UNMASK),
            new Endpoint(HttpMethod.POST, "/api/v1/customers/" + NO_SUCH + "/identities", CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.DELETE, "/api/v1/customers/" + NO_SUCH + "/identities/1", CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.GET, "/api/v1/customers/" + NO_SUCH + "/consent", CustomerPermissions.READ),
            new Endpoint(HttpMethod.PUT, "/api/v1/customers/" + NO_SUCH + "/consent", CustomerPermissions.CONSENT),
            new Endpoint(HttpMethod.GET, "/customers", CustomerPermissions.READ),
            new Endpoint(HttpMethod.POST, "/customers/search", CustomerPermissions.READ),
            new Endpoint(HttpMethod.GET, "/customers/new", CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.POST, "/customers", CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.GET, "/customers/" + NO_SUCH, CustomerPermissions.READ),
            new Endpoint(HttpMethod.GET, "/customers/" + NO_SUCH + "/edit", CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.POST, "/customers/" + NO_SUCH, CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.POST, "/customers/" + NO_SUCH + "/unmask", CustomerPermissions.UNMASK),
            new Endpoint(HttpMethod.POST, "/customers/" + NO_SUCH + "/consent", CustomerPermissions.CONSENT),
            new Endpoint(HttpMethod.POST, "/customers/" + NO_SUCH + "/identities", CustomerPermissions.MAINTAIN),
            new Endpoint(HttpMethod.POST, "/customers/" + NO_SUCH + "/identities/1/delete", CustomerPermissions.MAINTAIN));

    @Autowired
    MockMvc mvc;

    @Test
    void everyRoleGetsExactlyWhatTheAccessTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Role role : Role.values()) {
                var req = request(e.method(), e.path()).with(as(role)).with(csrf());
                if (e.path().startsWith("/api/")) {
                    req.contentType(MediaType.APPLICATION_JSON).content("{}");
                } else {
                    req.param("granted", "true").param("reason", "checking access");
                }
                int status = mvc.perform(req).andReturn().getResponse().getStatus();
                boolean allowed = e.allowed().contains(role);
                if (allowed == (status == 403) || status >= 500) {
                    wrong.add(e.method() + " " + e.path() + " as " + role + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTableIsWhatTheModuleDocuments() {
        assertThat(CustomerPermissions.MAINTAIN).containsExactlyInAnyOrder(Role.ADMIN, Role.TELLER, Role.LOBBY_MANAGER,
                Role.AGENT, Role.SUPERVISOR);
        assertThat(CustomerPermissions.UNMASK).containsAll(CustomerPermissions.MAINTAIN)
                .contains(Role.COMPLAINT_OFFICER, Role.RISK_ANALYST).doesNotContain(Role.QUALITY_MANAGER);
        assertThat(CustomerPermissions.READ).contains(Role.QUALITY_MANAGER)
                .doesNotContain(Role.ANALYST, Role.AUDITOR);
        assertThat(CustomerPermissions.CONSENT).contains(Role.COMPLAINT_OFFICER).doesNotContain(Role.RISK_ANALYST);
    }
}
