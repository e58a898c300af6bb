package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.StaffPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
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
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/login").session(session).with(from("10.9.1.1"))).andExpect(status().isOk());
        String before = session.getId();

        // the browser sends its session cookie back, so the server sees a valid requested session id
        RequestPostProcessor cookie = request -> {
            request.setRequestedSessionId(before);
            request.setRequestedSessionIdValid(true);
            return request;
        };
        MvcResult result = mvc.perform(post("/login").session(session).with(cookie).with(csrf()).with(from("10.9.1.1"))
                        .param("username", "teller1").param("password", "demo1234"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn();

        MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(before);
        SecurityContext context = (SecurityContext) after.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        StaffPrincipal principal = (StaffPrincipal) context.getAuthentication().getPrincipal();
        assertThat(principal.username()).isEqualTo("teller1");
        assertThat(principal.scope().label()).isEqualTo("BRANCH:B001");
        assertThat(principal.scope().coversBranch("B001")).isTrue();
        assertThat(principal.scope().coversBranch("B002")).isFalse();
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
