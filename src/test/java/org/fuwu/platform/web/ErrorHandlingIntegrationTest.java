package org.fuwu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@FuwuIntegrationTest
class ErrorHandlingIntegrationTest {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Test
    void anonymousApiCallsGetA401ProblemAndPagesGoToTheLogin() throws Exception {
        mvc.perform(get("/api/v1/audit/records"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:fuwu:problem:unauthorized"))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
        mvc.perform(get("/audit").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aBadParameterNamesTheFieldInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/audit/records").param("page", "-1").with(as(Role.AUDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:fuwu:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/audit/records").param("from", "yesterday").with(as(Role.AUDITOR)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.title").value("输入有误"));
    }

    @Test
    void aForbiddenPageIsAFriendlyLocalisedPageWithoutAStackTrace() throws Exception {
        // over real HTTP, so that the container's error dispatch runs as in production
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"teller1\",\"password\":\"demo1234\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String bearer = token.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/audit"))
                .header("Authorization", "Bearer " + bearer).header("Accept", "text/html")
                .header("Accept-Language", "zh-CN,zh;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("无权访问", "返回首页").doesNotContain("Exception", "at org.");
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
    }

    @Test
    void theLanguageFollowsTheBrowserAndASwitchIsRemembered() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "zh-CN")).andExpect(content().string(containsString("员工登录")));
        mvc.perform(get("/login").header("Accept-Language", "en-US")).andExpect(content().string(containsString("Staff log-in")));
        mvc.perform(get("/login").param("lang", "zh-CN").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("员工登录")))
                .andExpect(header().string("Set-Cookie", containsString("FUWU_LANG=zh-CN")));
        mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("FUWU_LANG", "zh-CN")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("员工登录")));
    }

    @Test
    void healthIsPublicAndIncludesTheDatabaseForAnAdmin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health").with(as(Role.ADMIN))).andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/actuator/prometheus").with(as(Role.ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
