package org.fuwu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;

class AccessTableTest {

    private final AccessTable table = new AccessTable(List.of(
            AccessRule.roles("GET", "/api/v1/branches/*/statistics", Role.ANALYST),     // 0
            AccessRule.publicAccess("GET", "/kiosk/*"),                                  // 1
            AccessRule.roles("POST", "/api/v1/branches/*/tickets", Role.TELLER),         // 2
            AccessRule.publicAccess("POST", "/api/v1/branches/*/tickets"),               // 3 (never reached)
            AccessRule.roles("GET", "/api/v1/branches/**", Role.values()),                // 4
            AccessRule.publicAccess("*", "/login"),                                      // 5
            AccessRule.authenticated("GET", "/"),                                        // 6
            AccessRule.roles("GET", "/**", Role.ADMIN)));                                // 7

    private AccessRule decide(String method, String path) {
        return table.decidingRule(method, PathContainer.parsePath(path));
    }

    @Test
    void theFirstMatchingRowDecidesInTableOrderAcrossPrefixes() {
        assertThat(decide("GET", "/api/v1/branches/B001/statistics").pattern()).isEqualTo("/api/v1/branches/*/statistics");
        // a later, more general row with the same prefix does not win over an earlier one
        assertThat(decide("GET", "/api/v1/branches/B001").pattern()).isEqualTo("/api/v1/branches/**");
        assertThat(decide("POST", "/api/v1/branches/B001/tickets").roles()).containsExactly(Role.TELLER);
        // a row filed at the root (its pattern starts with a wildcard) still competes by order
        assertThat(decide("GET", "/kiosk/B001").pattern()).isEqualTo("/kiosk/*");
        assertThat(decide("GET", "/anything/else").pattern()).isEqualTo("/**");
        assertThat(decide("GET", "/").pattern()).isEqualTo("/");
    }

    @Test
    void methodsMustMatchUnlessTheRowSaysAny() {
        assertThat(decide("POST", "/login").pattern()).isEqualTo("/login");
        assertThat(decide("DELETE", "/login").pattern()).isEqualTo("/login");
        assertThat(decide("DELETE", "/api/v1/branches/B001")).isNull();
        assertThat(decide("PUT", "/kiosk/B001")).isNull();
    }

    @Test
    void aPathNoRowMatchesHasNoDecidingRow() {
        assertThat(decide("POST", "/api/v1/branches/B001/tickets/extra")).isNull();
        assertThat(decide("POST", "/nowhere")).isNull();
        // a single-segment wildcard does not cross segments
        assertThat(decide("GET", "/kiosk/B001/tickets").pattern()).isEqualTo("/**");
    }
}
