package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.staff.StaffTestSupport.as;
import static org.fuwu.staff.StaffTestSupport.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.staff.internal.StaffAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
class StaffAdminApiIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccountRepository accounts;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    RequestPostProcessor admin;

    @BeforeEach
    void admin() {
        long id = accounts.findForLogin("admin").orElseThrow().account().id();
        admin = as(id, "admin", Role.ADMIN, Scope.bank());
    }

    private String create(String username, String rolesJson, String scope, String extra) {
        return """
                {"username":"%s","displayName":"测试员工","password":"Secret-pass-2026","roles":%s,%s%s}"""
                .formatted(username, rolesJson, scope, extra);
    }

    @Test
    void adminCreatesReadsAndUpdatesAnAccountWithoutEverSeeingAHash() throws Exception {
        String username = unique("new");
        String body = mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(create(username, "[\"AGENT\",\"SUPERVISOR\"]", "\"scopeLevel\":\"BANK\"",
                                ",\"employeeNumber\":\"" + username + "\",\"skills\":[{\"code\":\"lang-en\",\"proficiency\":4}]")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("AGENT"))
                .andExpect(jsonPath("$.scope.label").value("BANK"))
                .andExpect(jsonPath("$.skills[0].code").value("lang-en"))
                .andExpect(jsonPath("$.skills[0].proficiency").value(4))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Secret-pass-2026").doesNotContain("$2").doesNotContainIgnoringCase("hash");
        JsonNode created = json.readTree(body);
        long id = created.get("id").asLong();

        String hash = jdbc.sql("select password_hash from staff_account where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2");

        String read = mvc.perform(get("/api/v1/staff/" + id).with(admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.displayName").value("测试员工"))
                .andReturn().getResponse().getContentAsString();
        assertThat(read).doesNotContain("$2").doesNotContainIgnoringCase("password");

        mvc.perform(put("/api/v1/staff/" + id).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"displayName":"李四","roles":["ANALYST"],"scopeLevel":"BANK","version":%d}"""
                                .formatted(created.get("version").asLong())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("李四"))
                .andExpect(jsonPath("$.roles.length()").value(1))
                .andExpect(jsonPath("$.roles[0]").value("ANALYST"));

        // the version sent is now stale
        mvc.perform(put("/api/v1/staff/" + id).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"displayName":"王五","roles":["ANALYST"],"scopeLevel":"BANK","version":%d}"""
                                .formatted(created.get("version").asLong())))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/v1/staff").with(admin).param("q", username))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20));

        long audited = jdbc.sql("select count(*) from audit_record where target = :t and action in ('staff.account.create', 'staff.account.update')")
                .param("t", "staff:" + id).query(Long.class).single();
        assertThat(audited).isEqualTo(2);
        String details = String.join(" ", jdbc.sql("select coalesce(details, '') from audit_record where target = :t")
                .param("t", "staff:" + id).query(String.class).list());
        assertThat(details).doesNotContain("Secret-pass-2026").doesNotContain("$2");
    }

    @Test
    void duplicateUsernameInAnyCaseIsAConflict() throws Exception {
        String username = unique("dup");
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(create(username, "[\"AGENT\"]", "\"scopeLevel\":\"BANK\"", "")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(create(username.toUpperCase(), "[\"AGENT\"]", "\"scopeLevel\":\"BANK\"", "")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownRoleIsABadRequestNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(create(unique("role"), "[\"AGENT\",\"WIZARD\"]", "\"scopeLevel\":\"BANK\"", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[1]"));
    }

    @Test
    void unknownBranchScopeIsUnprocessableNamingScopeCode() throws Exception {
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(create(unique("scope"), "[\"TELLER\"]", "\"scopeLevel\":\"BRANCH\",\"scopeCode\":\"NOPE99\"", "")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("scopeCode")));
    }

    @Test
    void proficiencyOutsideOneToFiveIsRefused() throws Exception {
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(create(unique("skill"), "[\"AGENT\"]", "\"scopeLevel\":\"BANK\"",
                                ",\"skills\":[{\"code\":\"cards\",\"proficiency\":6}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skills[0].proficiency"));
    }

    @Test
    void weakPasswordIsRefusedNamingPassword() throws Exception {
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"x","password":"short1","roles":["AGENT"],"scopeLevel":"BANK"}"""
                                .formatted(unique("weak"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void missingDisplayNameIsABadRequestNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","password":"Secret-pass-2026","roles":["AGENT"],"scopeLevel":"BANK"}"""
                                .formatted(unique("nodn"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));
    }

    @Test
    void skillsAreReplacedAndUnknownSkillsNamed() throws Exception {
        String body = mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(create(unique("sk"), "[\"AGENT\"]", "\"scopeLevel\":\"BANK\"", "")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(put("/api/v1/staff/" + id + "/skills").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"skills\":[{\"code\":\"loans\",\"proficiency\":5},{\"code\":\"fx\",\"proficiency\":1}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skills.length()").value(2));
        mvc.perform(put("/api/v1/staff/" + id + "/skills").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"skills\":[{\"code\":\"juggling\",\"proficiency\":3}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("skills.juggling"));
    }

    @Test
    void skillCatalogueGrowsAndRefusesDuplicates() throws Exception {
        String code = unique("sk").toLowerCase();
        mvc.perform(post("/api/v1/skills").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"nameZh\":\"保险\",\"nameEn\":\"Insurance\"}".formatted(code)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/skills").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"nameZh\":\"保险\",\"nameEn\":\"Insurance\"}".formatted(code)))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/skills").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem(code)))
                .andExpect(jsonPath("$.items[*].code", hasItem("lang-zh")));
    }

    @Test
    void unknownAccountIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/staff/987654321").with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void onlyAdminsAdministerAccounts() throws Exception {
        mvc.perform(get("/api/v1/staff").with(as(3, "teller1", Role.TELLER, Scope.branch("B001"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/skills").with(as(2, "auditor", Role.AUDITOR, Scope.bank())))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminCannotDisableThemselves() throws Exception {
        long id = accounts.findForLogin("admin").orElseThrow().account().id();
        mvc.perform(post("/api/v1/staff/" + id + "/enabled").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isConflict());
        assertThat(accounts.findById(id).orElseThrow().enabled()).isTrue();
    }

    @Test
    void listRefusesAnUnknownSortAndAnOversizedPage() throws Exception {
        mvc.perform(get("/api/v1/staff").with(admin).param("sort", "password_hash"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/v1/staff").with(admin).param("size", "500"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/staff").with(admin).param("sort", "username,desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].username", not(hasItem((Object) null))));
    }
}
