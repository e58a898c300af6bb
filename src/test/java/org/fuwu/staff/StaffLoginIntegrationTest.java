package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.staff.internal.StaffAccountRepository;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@FuwuIntegrationTest
class StaffLoginIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void teller1LogsInThroughTheFormAndGetsANewSessionId() throws Exception {
        // the browser's view: the log-in page opens a session (for the CSRF token) ...
        Cookie before = mvc.perform(get("/login").with(from(StaffTestSupport.address(1, 1))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getCookie("FUWU_SESSION");
        assertThat(before).isNotNull();

        // ... and logging in replaces its id (no session fixation)
        MvcResult result = mvc.perform(post("/login").cookie(before).with(csrf()).with(from(StaffTestSupport.address(1, 1)))
                        .param("username", "teller1").param("password", "demo1234"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie after = result.getResponse().getCookie("FUWU_SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());

        mvc.perform(get("/api/v1/staff/me").cookie(after))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("teller1"))
                .andExpect(jsonPath("$.scope.label").value("BRANCH:B001"))
                .andExpect(jsonPath("$.scope.branchCodes[0]").value("B001"));
        // the old id opens nothing
        mvc.perform(get("/api/v1/staff/me").cookie(before)).andExpect(status().isUnauthorized());
    }

    @Test
    void disablingAnAccountEndsItsBrowserSessions() throws Exception {
        String username = StaffTestSupport.unique("sess");
        accounts.insert(new StaffAccountRepository.NewAccount(username, "测试", null, true, Set.of(Role.AGENT),
                Scope.Level.BANK, null, Map.of()), encoder.encode("Right-password-1"), Instant.now());
        long id = accounts.findForLogin(username).orElseThrow().account().id();
        Cookie session = mvc.perform(post("/login").with(csrf()).with(from(StaffTestSupport.address(1, 4)))
                        .param("username", username).param("password", "Right-password-1"))
                .andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("FUWU_SESSION");
        mvc.perform(get("/api/v1/staff/me").cookie(session)).andExpect(status().isOk());

        long adminId = accounts.findForLogin("admin").orElseThrow().account().id();
        mvc.perform(post("/api/v1/staff/" + id + "/enabled").with(StaffTestSupport.as(adminId, "admin", Role.ADMIN, Scope.bank()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/staff/me").cookie(session)).andExpect(status().isUnauthorized());
        // and a disabled account cannot log in again, even with the right password
        mvc.perform(post("/login").with(csrf()).with(from(StaffTestSupport.address(1, 4)))
                        .param("username", username).param("password", "Right-password-1"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void usernameIsCaseInsensitiveAtLogin() throws Exception {
        mvc.perform(post("/login").with(csrf()).with(from(StaffTestSupport.address(1, 2)))
                        .param("username", "  Agent1 ").param("password", "demo1234"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAnError() throws Exception {
        mvc.perform(post("/login").with(csrf()).with(from(StaffTestSupport.address(1, 3)))
                        .param("username", "analyst1").param("password", "wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
    }
}
