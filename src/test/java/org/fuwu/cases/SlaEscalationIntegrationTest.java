package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.cases.internal.EscalationTimers;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SLA policies and escalation through the API, and the durable escalation timers (exactly once, never when closed). */
@FuwuIntegrationTest
@RecordApplicationEvents
class SlaEscalationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationTimers timers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private JsonNode json(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    private static JsonNode clock(JsonNode view, String name) {
        for (JsonNode c : view.get("clocks")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + name + " in " + view.get("clocks"));
    }

    private long customer(String segment) throws Exception {
        return json(mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"吴升级\",\"segment\":\"" + segment + "\",\"mobile\":\"" + org.fuwu.customer.CustomerFixtures.mobile()
                        + "\"}")).andExpect(status().isCreated())).get("id").asLong();
    }

    private JsonNode open(String type, Long customerId, Instant receivedAt) throws Exception {
        return json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"" + type + "\"" + (customerId == null ? ",\"contactMobile\":\"13912345678\"" : ",\"customerId\":" + customerId)
                        + (type.equals("SERVICE_REQUEST") ? ",\"requestKind\":\"STATEMENT\"" : "")
                        + (type.equals("REGULATOR_COMPLAINT") ? ",\"regulatorReference\":\"JG-2026-001\",\"regulatorReceivedOn\":\""
                                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1) + "\"" : "")
                        + ",\"summary\":\"升级测试\",\"channel\":\"BRANCH\"" + (receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"")
                        + "}")).andExpect(status().isCreated()));
    }

    private JsonNode act(long id, String action, String body) throws Exception {
        var req = post("/api/v1/cases/" + id + "/" + action).with(as(Role.COMPLAINT_OFFICER));
        if (body != null) {
            req = req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return json(mvc.perform(req).andExpect(status().isOk()));
    }

    private int count(String sql, long caseId) {
        return jdbc.sql(sql).param("c", caseId).query(Integer.class).single();
    }

    @Test
    void theSlaClocksFollowTheMostSpecificPolicyAndAChangeOfPolicyOrSeverityRecomputesThem() throws Exception {
        JsonNode vip = open("COMPLAINT", customer("VIP"), null);
        // COMPLAINT/ANY/VIP: first response within 8 hours, resolution 10 days; the legal 15 days unchanged
        assertThat(clock(vip, "sla-first-response").get("secondsLeft").asLong()).isBetween(8 * 3600L - 120, 8 * 3600L);
        assertThat(clock(vip, "sla-resolution").get("state").asString()).isEqualTo("RUNNING");
        assertThat(clock(vip, "first-response").get("secondsLeft").asLong()).isBetween(86_000L, 86_400L);
        assertThat(clock(vip, "decision").get("state").asString()).isEqualTo("RUNNING");

        long id = vip.get("id").asLong();
        JsonNode high = json(mvc.perform(post("/api/v1/cases/" + id + "/classify").with(as(Role.COMPLAINT_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"businessCode\":\"B01\",\"causeCode\":\"C01\",\"severity\":\"HIGH\"}"))
                .andExpect(status().isOk()));
        // COMPLAINT/HIGH/VIP: 4 hours
        assertThat(clock(high, "sla-first-response").get("secondsLeft").asLong()).isBetween(4 * 3600L - 120, 4 * 3600L);

        // an administrator's change of a policy applies at once
        JsonNode reg = open("REGULATOR_COMPLAINT", customer("ORDINARY"), null);
        long regId = reg.get("id").asLong();
        mvc.perform(post("/api/v1/cases/" + regId + "/classify").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"businessCode\":\"B01\",\"causeCode\":\"C01\",\"severity\":\"LOW\"}")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/case-sla/policies/REGULATOR_COMPLAINT/LOW/ORDINARY").with(as(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"firstResponse":{"amount":2,"unit":"CALENDAR_HOURS"},"nextUpdate":{"amount":1,"unit":"BUSINESS_DAYS"},
                         "resolution":{"amount":5,"unit":"CALENDAR_DAYS"}}""")).andExpect(status().isOk())
                .andExpect(jsonPath("$.firstResponse.amount").value(2));
        JsonNode after = json(mvc.perform(get("/api/v1/cases/" + regId).with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk()));
        assertThat(clock(after, "sla-first-response").get("secondsLeft").asLong()).isBetween(2 * 3600L - 120, 2 * 3600L);

        // the acknowledgement meets the first response and starts the next-update clock
        JsonNode ack = act(regId, "acknowledge", null);
        assertThat(clock(ack, "sla-first-response").get("state").asString()).isEqualTo("MET");
        assertThat(clock(ack, "sla-next-update").get("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void administratorsChangePoliciesRulesAndHoldersWithClearErrors() throws Exception {
        mvc.perform(get("/api/v1/case-sla/policies").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].caseType").exists());
        mvc.perform(get("/api/v1/case-sla/policies").with(as(Role.TELLER))).andExpect(status().isForbidden());
        String target = "{\"firstResponse\":{\"amount\":2,\"unit\":\"FORTNIGHTS\"},\"nextUpdate\":{\"amount\":1,\"unit\":\"BUSINESS_DAYS\"},"
                + "\"resolution\":{\"amount\":5,\"unit\":\"CALENDAR_DAYS\"}}";
        mvc.perform(put("/api/v1/case-sla/policies/FEEDBACK/LOW/VIP").with(as(Role.COMPLAINT_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content(target)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/case-sla/policies/FEEDBACK/LOW/VIP").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(target)).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("firstResponse"));
        mvc.perform(put("/api/v1/case-sla/policies/FEEDBACK/LOW/GOLD").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(target.replace("FORTNIGHTS", "WEEKS"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("segment"));
        mvc.perform(put("/api/v1/case-sla/policies/FEEDBACK/LOW/VIP").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(target.replace("\"amount\":2", "\"amount\":0"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("firstResponse"));

        String rule = "{\"clock\":\"LEGAL\",\"caseType\":\"FEEDBACK\",\"severity\":\"CRITICAL\",\"segment\":\"PRIVATE\",\"percent\":%d,"
                + "\"action\":\"NOTIFY\",\"level\":\"HEAD_OFFICE\",\"active\":false}";
        mvc.perform(post("/api/v1/case-sla/rules").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(rule.formatted(0))).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("percent"));
        mvc.perform(post("/api/v1/case-sla/rules").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(rule.formatted(50).replace("NOTIFY", "SHOUT"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        mvc.perform(post("/api/v1/case-sla/rules").with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content(rule.formatted(50))).andExpect(status().isForbidden());
        JsonNode created = json(mvc.perform(post("/api/v1/case-sla/rules").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(rule.formatted(50))).andExpect(status().isCreated()));
        long ruleId = created.get("id").asLong();
        mvc.perform(put("/api/v1/case-sla/rules/" + ruleId).with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(rule.formatted(60))).andExpect(status().isOk()).andExpect(jsonPath("$.percent").value(60));
        mvc.perform(put("/api/v1/case-sla/rules/999999999").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(rule.formatted(60))).andExpect(status().isNotFound());
        // a change of the rules makes every case's timers be recomputed
        assertThat(timers.recomputeChanged(Instant.now())).isGreaterThan(0);

        mvc.perform(put("/api/v1/case-sla/holders/TEAM_LEAD/NOWHERE1").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"usernames\":[\"supervisor1\"]}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scope"));
        mvc.perform(put("/api/v1/case-sla/holders/TEAM_LEAD/BANK").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"usernames\":[\"nobody-such\"]}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("usernames"));
        mvc.perform(put("/api/v1/case-sla/holders/CHAIRMAN/BANK").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"usernames\":[\"supervisor1\"]}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        mvc.perform(get("/api/v1/cases/999999999/escalations").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/case-escalations/999999999/read").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isNotFound());
    }

    @Test
    void dueEscalationsFireExactlyOnceEvenWhenTwoWorkersRaceAndReachThePeopleOfTheLevel() throws Exception {
        long supervisor = jdbc.sql("select id from staff_account where username = 'supervisor1'").query(Long.class).single();
        mvc.perform(put("/api/v1/case-sla/holders/TEAM_LEAD/BANK").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"usernames\":[\"supervisor1\"]}")).andExpect(status().isOk());
        Instant now = Instant.now();
        // an inquiry received 30 days ago and never answered: first response (80 %, breach) and resolution (50, 80 %,
        // breach) are all due under the default rules
        long id = open("INQUIRY", null, now.minus(Duration.ofDays(30))).get("id").asLong();
        timers.recompute(id, now);
        int pending = count("select count(*) from case_timer where case_id = :c and status = 'PENDING'", id);
        assertThat(pending).isGreaterThanOrEqualTo(5);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> worker = () -> timers.fireDue(now, id, 100);
            List<Future<Integer>> both = pool.invokeAll(List.of(worker, worker));
            assertThat(both.get(0).get() + both.get(1).get()).isEqualTo(pending);
        } finally {
            pool.shutdown();
        }
        assertThat(timers.fireDue(now.plusSeconds(60), id, 100)).as("nothing fires twice").isZero();
        assertThat(count("select count(*) from case_escalation where case_id = :c", id)).isEqualTo(pending);
        assertThat(count("select count(*) from case_event where case_id = :c and kind = 'ESCALATED'", id)).isEqualTo(pending);
        assertThat(count("select count(*) from case_timer where case_id = :c and status = 'FIRED'", id)).isEqualTo(pending);

        // the breach of the first response reassigned it to the team lead, who is told
        JsonNode view = json(mvc.perform(get("/api/v1/cases/" + id).with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk()));
        assertThat(view.get("officerId").asLong()).isEqualTo(supervisor);
        StaffPrincipal lead = new StaffPrincipal(supervisor, "supervisor1", "孙强", Set.of(Role.SUPERVISOR), Scope.bank(), null);
        JsonNode mine = json(mvc.perform(get("/api/v1/case-escalations").with(as(lead))).andExpect(status().isOk()));
        long notice = -1;
        for (JsonNode n : mine) {
            if (n.get("caseId").asLong() == id) {
                notice = n.get("noticeId").asLong();
            }
        }
        assertThat(notice).as("the team lead has a notice of the case").isPositive();
        mvc.perform(post("/api/v1/case-escalations/" + notice + "/read").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/case-escalations/" + notice + "/read").with(as(lead))).andExpect(status().isNoContent());
        JsonNode ofCase = json(mvc.perform(get("/api/v1/cases/" + id + "/escalations").with(as(Role.TELLER))).andExpect(status().isOk()));
        assertThat(ofCase.get("escalations")).hasSize(pending);
        assertThat(ofCase.get("priority").asInt()).as("the resolution breach raised the priority").isEqualTo(1);
    }

    @Test
    void aClosedCaseNeverEscalatesEvenWithTimersAlreadyDue() throws Exception {
        Instant now = Instant.now();
        long id = open("SERVICE_REQUEST", null, now.minus(Duration.ofDays(30))).get("id").asLong();
        timers.recompute(id, now);
        assertThat(count("select count(*) from case_timer where case_id = :c and status = 'PENDING' and due_at <= current_timestamp", id))
                .isPositive();
        act(id, "acknowledge", null);
        act(id, "close", null);
        // fired without recomputing first: the firing itself finds the case closed
        assertThat(timers.fireDue(now, id, 100)).isZero();
        assertThat(count("select count(*) from case_escalation where case_id = :c", id)).isZero();
        assertThat(count("select count(*) from case_timer where case_id = :c and status = 'PENDING'", id)).isZero();
        events.stream(CaseEscalated.class).forEach(e -> assertThat(e.caseId()).isNotEqualTo(id));
    }

    @Test
    void aPauseDefersEscalationsUntilTheResume() throws Exception {
        Instant now = Instant.now();
        long id = open("INQUIRY", null, now.minusSeconds(60)).get("id").asLong();
        timers.recompute(id, now);
        assertThat(count("select count(*) from case_timer where case_id = :c and status = 'PENDING' and due_at is not null", id))
                .isGreaterThanOrEqualTo(5);
        act(id, "pause", "{\"reason\":\"WAITING_FOR_CUSTOMER\"}");
        Instant later = now.plus(Duration.ofDays(60));
        // two months later the timers look due, but the clock has stood still since the pause: nothing fires
        assertThat(timers.fireDue(later, id, 100)).isZero();
        assertThat(count("select count(*) from case_timer where case_id = :c and status = 'PENDING' and due_at is null", id))
                .isGreaterThanOrEqualTo(5);
        act(id, "resume", null);
        timers.recompute(id, Instant.now());
        assertThat(count("select count(*) from case_timer where case_id = :c and status = 'PENDING' and due_at is null", id))
                .as("the resume gives them their times again").isZero();
        // recomputing a paused case (as the poller does on the PAUSED line) also takes their times away
        act(id, "pause", "{\"reason\":\"THIRD_PARTY_APPRAISAL\"}");
        timers.recompute(id, Instant.now());
        assertThat(count("select count(*) from case_timer where case_id = :c and status = 'PENDING' and due_at is null", id))
                .isGreaterThanOrEqualTo(5);
        assertThat(timers.fireDue(later, id, 100)).isZero();
        act(id, "resume", null);
        timers.recompute(id, Instant.now());
        int fired = timers.fireDue(later, id, 100);
        assertThat(fired).isGreaterThanOrEqualTo(5);
        assertThat(events.stream(CaseEscalated.class).filter(e -> e.caseId() == id)).hasSize(fired);
        assertThat(count("select count(*) from case_event where case_id = :c and kind = 'ESCALATED'", id)).isEqualTo(fired);
    }

    @Test
    void theAdminPageAndTheEscalationPanelsRenderInBothLanguages() throws Exception {
        String en = mvc.perform(get("/case-sla").with(as(Role.ADMIN)).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("SLA policies", "Escalation rules", "Who holds each level");
        String zh = mvc.perform(get("/case-sla").with(as(Role.ADMIN)).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("服务时限策略", "升级规则", "各层级负责人");
        mvc.perform(get("/case-sla").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isForbidden());
        // a bad form comes back with the field named, not an error page
        mvc.perform(post("/case-sla/rules").with(as(Role.ADMIN)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).param("clock", "LEGAL").param("caseType", "FEEDBACK")
                        .param("severity", "CRITICAL").param("segment", "PRIVATE").param("percent", "101").param("action", "NOTIFY")
                        .param("level", "HEAD_OFFICE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("slaError",
                        org.hamcrest.Matchers.startsWith("percent")));

        long id = open("INQUIRY", null, Instant.now().minus(Duration.ofDays(30))).get("id").asLong();
        timers.recompute(id, Instant.now());
        timers.fireDue(Instant.now(), id, 100);
        String block = mvc.perform(get("/case-escalations/case/" + id).with(as(Role.COMPLAINT_OFFICER)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(block).contains("case-escalation-list", "SLA first response", "breached");
        String panel = mvc.perform(get("/case-escalations/panel").with(as(Role.COMPLAINT_OFFICER)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("我的升级提醒");
        String page = mvc.perform(get("/cases/" + id).with(as(Role.COMPLAINT_OFFICER)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Escalated", "SLA resolution", "/case-escalations/case/" + id);
    }
}
