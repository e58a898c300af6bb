package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.staff.StaffTestSupport.from;
import static org.fuwu.staff.StaffTestSupport.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.staff.internal.StaffAccountRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@FuwuIntegrationTest
class StaffLoginThrottleIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveBadPasswordsLockTheAccountForTheFormAndTheTokenEndpoint() throws Exception {
        String username = unique("thr");
        accounts.insert(new StaffAccountRepository.NewAccount(username, "测试", null, true, Set.of(Role.AGENT),
                Scope.Level.BANK, null, Map.of()), encoder.encode("Right-password-1"), Instant.now());

        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).with(from(StaffTestSupport.address(4, 1)))
                            .param("username", username).param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // the sixth attempt is refused even with the right password
        mvc.perform(post("/login").with(csrf()).with(from(StaffTestSupport.address(4, 1)))
                        .param("username", username).param("password", "Right-password-1"))
                .andExpect(redirectedUrl("/login?locked"));
        // the account is locked, from any address, for the API too
        mvc.perform(post("/api/v1/auth/token").with(from(StaffTestSupport.address(4, 2))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"password\":\"Right-password-1\"}".formatted(username)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "300"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.token").doesNotExist());

        long failures = jdbc.sql("select count(*) from audit_record where action = 'auth.login' and actor = :u and outcome = 'FAILURE'")
                .param("u", username).query(Long.class).single();
        long denied = jdbc.sql("select count(*) from audit_record where action = 'auth.login' and actor = :u and outcome = 'DENIED'")
                .param("u", username).query(Long.class).single();
        assertThat(failures).isEqualTo(5);
        assertThat(denied).isEqualTo(2);
        String details = String.join(" ", jdbc.sql("select coalesce(details, '') from audit_record where actor = :u")
                .param("u", username).query(String.class).list());
        assertThat(details).doesNotContain("wrong-").doesNotContain("Right-password-1");
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForOtherAccounts() throws Exception {
        String address = StaffTestSupport.address(4, 3);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"%s\",\"password\":\"wrong\"}".formatted(unique("ghost"))))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"analyst1\",\"password\":\"demo1234\"}"))
                .andExpect(status().isTooManyRequests());
    }
}
