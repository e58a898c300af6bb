package org.fuwu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Deny by default, proven: walks every registered endpoint and checks that it has a row in the
 * access policy table, that an anonymous caller gets 401 unless the row is public, and that each
 * role gets through exactly where the table says and 403 everywhere else.
 */
@FuwuIntegrationTest
class AccessPolicyIntegrationTest {

    /** One endpoint, made concrete: its method and a path with sample values for its variables. */
    record Endpoint(String method, String pattern, String path) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    List<AccessRules> modules;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInThePolicyTableAndEachRoleGetsExactlyWhatItSays() throws Exception {
        List<AccessRule> table = AccessPolicy.union(modules);
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/", "/audit", "/api/v1/audit/verify", "/v3/api-docs");

        List<String> unlisted = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            Optional<AccessRule> rule = firstMatch(table, e);
            if (rule.isEmpty()) {
                unlisted.add(e.method() + " " + e.pattern());
                continue;
            }
            int anonymous = call(e, null);
            boolean anonymousAllowed = rule.get().access() == AccessRule.Access.PUBLIC;
            if (anonymousAllowed ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add("anonymous " + e.method() + " " + e.path() + " → " + anonymous + " (rule " + rule.get() + ")");
            }
            for (Role role : Role.values()) {
                int status = call(e, role);
                boolean allowed = rule.get().allows(Set.of(role));
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(role + " " + e.method() + " " + e.path() + " → " + status + " (rule " + rule.get() + ")");
                }
            }
        }
        assertThat(unlisted).as("endpoints without a row in the access policy table").isEmpty();
        assertThat(wrong).as("answers that differ from the access policy table").isEmpty();
    }

    @Test
    void anUnlistedPathIsDeniedEvenToAnAdmin() throws Exception {
        int status = mvc.perform(request(HttpMethod.GET, "/api/v1/no-such-thing").with(as(Role.ADMIN))
                .accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    private int call(Endpoint e, Role role) throws Exception {
        MockHttpServletRequestBuilder req = request(HttpMethod.valueOf(e.method()), e.path())
                .accept(MediaType.APPLICATION_JSON).with(csrf());
        if (Set.of("POST", "PUT", "PATCH").contains(e.method())) {
            req.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (role != null) {
            req.with(as(role));
        }
        return mvc.perform(req).andReturn().getResponse().getStatus();
    }

    private List<Endpoint> endpoints() {
        TreeSet<Endpoint> all = new TreeSet<>(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> names = new TreeSet<>();
            if (methods.isEmpty()) {
                names.addAll(List.of("GET", "POST"));
            } else {
                methods.forEach(m -> names.add(m.name()));
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (String m : names) {
                    all.add(new Endpoint(m, pattern, concrete(pattern)));
                }
            }
        }
        return List.copyOf(all);
    }

    /** Sample values: ids that do not exist (so an allowed call ends in 404 or 400, never a change). */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]*[iI]d}", "987654321")
                .replaceAll("\\{[^}]+}", "ZZ99").replace("/**", "/x");
    }

    private static Optional<AccessRule> firstMatch(List<AccessRule> table, Endpoint e) {
        PathContainer path = PathContainer.parsePath(e.path());
        for (AccessRule rule : table) {
            PathPattern p = PathPatternParser.defaultInstance.parse(rule.pattern());
            if (("*".equals(rule.method()) || rule.method().equals(e.method())) && p.matches(path)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
