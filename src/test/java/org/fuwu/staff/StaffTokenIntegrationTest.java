package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.staff.StaffTestSupport.as;
import static org.fuwu.staff.StaffTestSupport.bearer;
import static org.fuwu.staff.StaffTestSupport.from;
import static org.fuwu.staff.StaffTestSupport.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.staff.internal.ApiToken;
import org.fuwu.staff.internal.ApiTokenRepository;
import org.fuwu.staff.internal.StaffAccountRepository;
import org.fuwu.staff.internal.TokenCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
class StaffTokenIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccountRepository accounts;
    @Autowired
    ApiTokenRepository tokens;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    RequestPostProcessor admin;

    @BeforeEach
    void admin() {
        long id = accounts.findForLogin("admin").orElseThrow().account().id();
        admin = as(id, "admin", Role.ADMIN, Scope.bank());
    }

    private String account(Role role, Scope.Level level, String code) {
        String username = unique("tok");
        accounts.insert(new StaffAccountRepository.NewAccount(username, "测试", null, true, Set.of(role), level, code,
                Map.of()), encoder.encode("Right-password-1"), Instant.now());
        return username;
    }

    private String login(String username, String password, String address) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.token", startsWith("fuwu_")))
                .andReturn().getResponse().getContentAsString();
        JsonNode node = json.readTree(body);
        Instant expires = Instant.parse(node.get("expiresAt").asString());
        assertThat(expires).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        return node.get("token").asString();
    }

    @Test
    void tokenEndpointGivesAWorkingBearerToken() throws Exception {
        String token = login("teller1", "demo1234", StaffTestSupport.address(3, 1));
        assertThat(TokenCodec.wellFormed(token)).isTrue();
        String stored = jdbc.sql("select token_hash from staff_api_token where token_hash = :h")
                .param("h", TokenCodec.hash(token)).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(token);
        long raw = jdbc.sql("select count(*) from staff_api_token where token_hash = :t").param("t", token)
                .query(Long.class).single();
        assertThat(raw).isZero();

        mvc.perform(get("/api/v1/staff/me").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("teller1"))
                .andExpect(jsonPath("$.displayName").value("王芳"))
                .andExpect(jsonPath("$.roles[0]").value("TELLER"))
                .andExpect(jsonPath("$.scope.label").value("BRANCH:B001"))
                .andExpect(jsonPath("$.scope.branchCodes[0]").value("B001"));
        // the teller's token opens nothing an admin owns
        mvc.perform(get("/api/v1/staff").with(bearer(token))).andExpect(status().isForbidden());
    }

    @Test
    void regionScopeIsResolvedToTheBranchesOfTheRegionAtLogin() throws Exception {
        // R01 and its branches B001..B003 come from the organization demo data; the directory is the platform port
        String body = mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"区域主管","password":"Region-pass-2026","roles":["SUPERVISOR"],
                                 "scopeLevel":"REGION","scopeCode":"R01"}""".formatted(unique("reg"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scope.label").value("REGION:R01"))
                .andReturn().getResponse().getContentAsString();
        String username = json.readTree(body).get("username").asString();
        String token = login(username, "Region-pass-2026", StaffTestSupport.address(3, 7));
        mvc.perform(get("/api/v1/staff/me").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.level").value("REGION"))
                .andExpect(jsonPath("$.scope.branchCodes", hasItem("B001")))
                .andExpect(jsonPath("$.scope.branchCodes", hasItem("B002")))
                .andExpect(jsonPath("$.scope.branchCodes", not(hasItem("B101"))));
    }

    @Test
    void branchScopeOfAnExistingBranchIsAccepted() throws Exception {
        mvc.perform(post("/api/v1/staff").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"柜员","password":"Branch-pass-2026","roles":["TELLER"],
                                 "scopeLevel":"BRANCH","scopeCode":"B002"}""".formatted(unique("br"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scope.label").value("BRANCH:B002"));
    }

    @Test
    void meWorksForASessionLogin() throws Exception {
        mvc.perform(get("/api/v1/staff/me").with(as(42, "someone", Role.ANALYST, Scope.bank())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("someone"))
                .andExpect(jsonPath("$.scope.level").value("BANK"));
        mvc.perform(get("/api/v1/staff/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void wrongPasswordIsUnauthorizedProblem() throws Exception {
        String username = account(Role.AGENT, Scope.Level.BANK, null);
        mvc.perform(post("/api/v1/auth/token").with(from(StaffTestSupport.address(3, 2))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"password\":\"wrong\"}".formatted(username)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.token").doesNotExist());
        mvc.perform(post("/api/v1/auth/token").with(from(StaffTestSupport.address(3, 2))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nobody-%s\",\"password\":\"wrong\"}".formatted(username)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void missingPasswordIsABadRequestNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/auth/token").with(from(StaffTestSupport.address(3, 3))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"teller1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void disabledAccountLosesItsTokens() throws Exception {
        String username = account(Role.AGENT, Scope.Level.BANK, null);
        String token = login(username, "Right-password-1", StaffTestSupport.address(3, 4));
        mvc.perform(get("/api/v1/staff/me").with(bearer(token))).andExpect(status().isOk());
        long id = accounts.findForLogin(username).orElseThrow().account().id();
        mvc.perform(post("/api/v1/staff/" + id + "/enabled").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/staff/me").with(bearer(token))).andExpect(status().isUnauthorized());
    }

    @Test
    void passwordResetRevokesBearerTokensAndTheNewPasswordWorks() throws Exception {
        String username = account(Role.AGENT, Scope.Level.BANK, null);
        String token = login(username, "Right-password-1", StaffTestSupport.address(3, 5));
        long id = accounts.findForLogin(username).orElseThrow().account().id();
        mvc.perform(post("/api/v1/staff/" + id + "/password").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"short\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/staff/" + id + "/password").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Brand-new-pass-7\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/staff/me").with(bearer(token))).andExpect(status().isUnauthorized());
        login(username, "Brand-new-pass-7", StaffTestSupport.address(3, 5));
        String hash = jdbc.sql("select password_hash from staff_account where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2");
    }

    @Test
    void machineTokenWorksUntilRevoked() throws Exception {
        String name = unique("kiosk");
        String body = mvc.perform(post("/api/v1/admin/tokens").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"roles\":[\"AGENT\"],\"scopeLevel\":\"BANK\"}".formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token", startsWith("fuwu_")))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(body);
        String token = created.get("token").asString();
        long id = created.get("id").asLong();

        mvc.perform(get("/api/v1/staff/me").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("token:" + name))
                .andExpect(jsonPath("$.tokenName").value(name))
                .andExpect(jsonPath("$.roles[0]").value("AGENT"));
        Instant firstUse = tokens.findById(id).orElseThrow().lastUsedAt();
        assertThat(firstUse).isNotNull();
        // a second use within the minute writes nothing
        mvc.perform(get("/api/v1/staff/me").with(bearer(token))).andExpect(status().isOk());
        assertThat(tokens.findById(id).orElseThrow().lastUsedAt()).isEqualTo(firstUse);

        String list = mvc.perform(get("/api/v1/admin/tokens").with(admin).param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", hasItem(name)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(token).doesNotContain(TokenCodec.hash(token));

        // a second active token may not take the same name
        mvc.perform(post("/api/v1/admin/tokens").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"roles\":[\"AGENT\"],\"scopeLevel\":\"BANK\"}".formatted(name)))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/v1/admin/tokens/" + id + "/revoke").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.token").doesNotExist());
        mvc.perform(get("/api/v1/staff/me").with(bearer(token))).andExpect(status().isUnauthorized());

        long revokeAudits = jdbc.sql("select count(*) from audit_record where action = 'staff.token.revoke' and target = :t")
                .param("t", "token:" + id).query(Long.class).single();
        assertThat(revokeAudits).isEqualTo(1);
    }

    @Test
    void deletingAMachineTokenRevokesIt() throws Exception {
        String body = mvc.perform(post("/api/v1/admin/tokens").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"roles\":[\"AGENT\"],\"scopeLevel\":\"BANK\"}".formatted(unique("del"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(body);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/v1/admin/tokens/" + created.get("id").asLong()).with(admin))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/staff/me").with(bearer(created.get("token").asString()))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/admin/tokens/987654321/revoke").with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void expiredMachineTokenIsRefused() throws Exception {
        String value = TokenCodec.generate();
        Instant past = Instant.now().minusSeconds(3600);
        tokens.insert(ApiToken.Kind.MACHINE, unique("old"), TokenCodec.hash(value), null, Set.of(Role.ADMIN),
                Scope.Level.BANK, null, "test", past.minusSeconds(3600), past);
        mvc.perform(get("/api/v1/staff/me").with(bearer(value)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/staff").with(bearer(value))).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownAndMalformedTokensAreRefused() throws Exception {
        mvc.perform(get("/api/v1/staff/me").with(bearer(TokenCodec.generate()))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/staff/me").with(bearer("not-a-token"))).andExpect(status().isUnauthorized());
    }

    @Test
    void machineTokenInputIsValidated() throws Exception {
        mvc.perform(post("/api/v1/admin/tokens").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"roles\":[\"GOD\"],\"scopeLevel\":\"BANK\"}".formatted(unique("bad"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
        mvc.perform(post("/api/v1/admin/tokens").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"roles\":[\"AGENT\"],\"scopeLevel\":\"BANK\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"
                                .formatted(unique("bad"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
        mvc.perform(post("/api/v1/admin/tokens").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"roles\":[\"AGENT\"],\"scopeLevel\":\"REGION\",\"scopeCode\":\"NOWHERE\"}"
                                .formatted(unique("bad"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopeCode"));
    }

    @Test
    void tokenEndpointIsAnsweredWithoutCsrfAndAdminTokensNeedAdmin() throws Exception {
        String token = login("agent1", "demo1234", StaffTestSupport.address(3, 6));
        mvc.perform(get("/api/v1/admin/tokens").with(bearer(token))).andExpect(status().isForbidden());
    }
}
