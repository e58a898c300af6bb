package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.fuwu.FuwuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@FuwuIntegrationTest
class StaffLoginIntegrationTest {

    @Autowired
    MockMvc mvc;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void teller1LogsInThroughTheFormAndGetsANewSessionId() throws Exception {
        // the browser's view: the log-in page opens a session (for the CSRF token) ...
        Cookie before = mvc.perform(get("/login").with(from("10.9.1.1")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getCookie("FUWU_SESSION");
        assertThat(before).isNotNull();

        // ... and logging in replaces its id (no session fixation)
        MvcResult result = mvc.perform(post("/login").cookie(before).with(csrf()).with(from("10.9.1.1"))
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
    void usernameIsCaseInsensitiveAtLogin() throws Exception {
        mvc.perform(post("/login").with(csrf()).with(from("10.9.1.2"))
                        .param("username", "  Agent1 ").param("password", "demo1234"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAnError() throws Exception {
        mvc.perform(post("/login").with(csrf()).with(from("10.9.1.3"))
                        .param("username", "analyst1").param("password", "wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
    }
}
