package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.staff.StaffTestSupport.as;
import static org.fuwu.staff.StaffTestSupport.bearer;
import static org.fuwu.staff.StaffTestSupport.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.staff.internal.StaffAccount;
import org.fuwu.staff.internal.StaffAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@FuwuIntegrationTest
class StaffAdminUiIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccountRepository accounts;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    RequestPostProcessor admin;

    @BeforeEach
    void admin() {
        long id = accounts.findForLogin("admin").orElseThrow().account().id();
        admin = as(id, "admin", Role.ADMIN, Scope.bank());
    }

    @Test
    void adminSeesTheStaffTileAndTheAccountList() throws Exception {
        mvc.perform(get("/").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"tile-staff\"")));
        mvc.perform(get("/staff").with(admin).param("q", "teller"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"staff-row-teller1\"")))
                .andExpect(content().string(containsString("王芳")))
                .andExpect(content().string(not(containsString("bcrypt"))));
        mvc.perform(get("/staff").with(admin).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("员工账号")));
    }

    @Test
    void tellersSeeNeitherTheTileNorThePages() throws Exception {
        RequestPostProcessor teller = as(3, "teller1", Role.TELLER, Scope.branch("B001"));
        mvc.perform(get("/").with(teller)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"tile-staff\""))));
        mvc.perform(get("/staff").with(teller)).andExpect(status().isForbidden());
        mvc.perform(get("/staff/tokens").with(teller)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/new").with(teller).with(csrf()).param("username", unique("x")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aShortPasswordIsShownNextToTheFieldAndNothingIsCreated() throws Exception {
        String username = unique("uiweak");
        mvc.perform(post("/staff/new").with(admin).with(csrf())
                        .param("username", username).param("displayName", "周杰").param("password", "short")
                        .param("roles", "AGENT").param("scopeLevel", "BANK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at least 10 characters")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        assertThat(accounts.usernameTaken(username)).isFalse();
    }

    @Test
    void missingFieldsAreShownNextToThemInsteadOfFailing() throws Exception {
        mvc.perform(post("/staff/new").with(admin).with(csrf())
                        .param("username", "a b").param("password", "Good-password-9").param("scopeLevel", "BANK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must not be blank")))
                .andExpect(content().string(containsString("choose at least one role")))
                .andExpect(content().string(containsString("must be 3 to 60 letters")));
        long id = accounts.findForLogin("analyst1").orElseThrow().account().id();
        mvc.perform(post("/staff/" + id).with(admin).with(csrf()).param("roles", "ANALYST").param("scopeLevel", "BANK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must not be blank")));
        assertThat(accounts.findById(id).orElseThrow().displayName()).isEqualTo("黄涛");
    }

    @Test
    void anUnknownBranchIsShownNextToTheScopeCode() throws Exception {
        mvc.perform(post("/staff/new").with(admin).with(csrf())
                        .param("username", unique("uiscope")).param("displayName", "周杰").param("password", "Good-password-9")
                        .param("roles", "TELLER").param("scopeLevel", "BRANCH").param("scopeCode", "NOPE42"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("names no existing branch: NOPE42")));
    }

    @Test
    void adminCreatesEditsDisablesAndResetsAnAccountThroughThePages() throws Exception {
        String username = unique("uinew");
        String location = mvc.perform(post("/staff/new").with(admin).with(csrf())
                        .param("username", username).param("displayName", "周杰").param("password", "Good-password-9")
                        .param("roles", "AGENT", "SUPERVISOR").param("scopeLevel", "BANK")
                        .param("skills[lang-en]", "4").param("skills[cards]", "").param("enabled", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/staff/*"))
                .andExpect(flash().attribute("flash", containsString(username)))
                .andReturn().getResponse().getRedirectedUrl();
        StaffAccount created = accounts.findForLogin(username).orElseThrow().account();
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(created.skills()).containsExactly(java.util.Map.entry("lang-en", 4));

        mvc.perform(get(location).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("周杰")))
                .andExpect(content().string(containsString("id=\"role-SUPERVISOR\" name=\"roles\" checked=\"checked\"")))
                .andExpect(content().string(not(containsString("Good-password-9"))));

        mvc.perform(post(location).with(admin).with(csrf()).param("displayName", "周杰伦").param("roles", "ANALYST")
                        .param("scopeLevel", "BANK").param("version", Long.toString(created.version())))
                .andExpect(status().is3xxRedirection());
        StaffAccount edited = accounts.findById(created.id()).orElseThrow();
        assertThat(edited.displayName()).isEqualTo("周杰伦");
        assertThat(edited.roles()).containsExactly(Role.ANALYST);
        assertThat(edited.skills()).containsEntry("lang-en", 4);

        mvc.perform(post(location + "/skills").with(admin).with(csrf()).param("skills[loans]", "5").param("skills[lang-en]", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findById(created.id()).orElseThrow().skills()).containsExactly(java.util.Map.entry("loans", 5));

        mvc.perform(post(location + "/enabled").with(admin).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findById(created.id()).orElseThrow().enabled()).isFalse();

        mvc.perform(post(location + "/password").with(admin).with(csrf()).param("password", "tiny"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"password-error\"")));
        mvc.perform(post(location + "/password").with(admin).with(csrf()).param("password", "Another-good-pass-1"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void adminAddsASkillToTheCatalogue() throws Exception {
        String code = unique("ui").toLowerCase();
        mvc.perform(post("/staff/skills").with(admin).with(csrf()).param("code", code).param("nameZh", "保险").param("nameEn", "Insurance"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/skills").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("skill-row-" + code)));
        mvc.perform(post("/staff/skills").with(admin).with(csrf()).param("code", code).param("nameZh", "保险").param("nameEn", "Insurance"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("exists already")));
    }

    @Test
    void theTokenPageShowsANewTokenOnceAndItWorksUntilRevoked() throws Exception {
        String name = unique("uikiosk");
        String page = mvc.perform(post("/staff/tokens").with(admin).with(csrf())
                        .param("name", name).param("roles", "AGENT").param("scopeLevel", "BANK"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"new-token-value\">(fuwu_[A-Za-z0-9_-]{43})<").matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        mvc.perform(get("/api/v1/staff/me").with(bearer(token))).andExpect(status().isOk());
        String list = mvc.perform(get("/staff/tokens").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(name).doesNotContain(token);

        long id = jdbc.sql("select id from staff_api_token where name = :n").param("n", name).query(Long.class).single();
        assertThat(list).contains("id=\"token-revoke-" + id + "\"");
        mvc.perform(post("/staff/tokens/" + id + "/revoke").with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/staff/me").with(bearer(token))).andExpect(status().isUnauthorized());
    }
}
