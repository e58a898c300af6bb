package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
@RecordApplicationEvents
class CaseApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId CN = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    private JsonNode json(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    private JsonNode clock(JsonNode view, String name) {
        for (JsonNode c : view.get("clocks")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + name + " in " + view.get("clocks"));
    }

    private long customer() throws Exception {
        return json(mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"吴投诉\",\"mobile\":\"" + org.fuwu.customer.CustomerFixtures.mobile() + "\"}"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void aComplaintRunsItsClocksThroughAcknowledgementPauseApprovedExtensionDecisionAndClosure() throws Exception {
        long customerId = customer();
        JsonNode opened = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"customerId\":" + customerId
                        + ",\"summary\":\"ATM吞卡后未及时处理\",\"channel\":\"BRANCH\"}")).andExpect(status().isCreated()));
        long id = opened.get("id").asLong();
        assertThat(opened.get("number").asString()).matches("TS20\\d{2}\\d{6}");
        assertThat(opened.get("status").asString()).isEqualTo("OPEN");
        Instant received = Instant.parse(opened.get("receivedAt").asString());
        JsonNode decision = clock(opened, "decision");
        assertThat(Instant.parse(decision.get("dueAt").asString()))
                .isEqualTo(received.atZone(CN).toLocalDate().plusDays(16).atStartOfDay(CN).toInstant());
        assertThat(decision.get("state").asString()).isEqualTo("RUNNING");
        assertThat(clock(opened, "first-response").get("secondsLeft").asLong()).isBetween(86_000L, 86_400L);
        assertThat(events.stream(CaseOpened.class).filter(e -> e.caseId() == id)).hasSize(1);

        mvc.perform(post("/api/v1/cases/" + id + "/decide").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"x\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.AGENT))).andExpect(status().isForbidden());
        JsonNode ack = json(mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk()));
        assertThat(clock(ack, "first-response").get("state").asString()).isEqualTo("MET");

        JsonNode paused = json(mvc.perform(post("/api/v1/cases/" + id + "/pause").with(as(Role.COMPLAINT_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"THIRD_PARTY_APPRAISAL\"}")).andExpect(status().isOk()));
        assertThat(clock(paused, "decision").get("state").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("paused").asBoolean()).isTrue();
        mvc.perform(post("/api/v1/cases/" + id + "/pause").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"THIRD_PARTY_APPRAISAL\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cases/" + id + "/resume").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());

        StaffPrincipal officer = principal(Scope.bank(), Role.COMPLAINT_OFFICER);
        mvc.perform(post("/api/v1/cases/" + id + "/extend").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"complexity\":\"ESPECIALLY_COMPLEX\",\"reason\":\"需要调取多方监控\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.extensionRequestedBy").value(officer.auditName()));
        StaffPrincipal sameAsSupervisor = new StaffPrincipal(0, officer.username(), "Test", java.util.Set.of(Role.SUPERVISOR),
                Scope.bank(), null);
        mvc.perform(post("/api/v1/cases/" + id + "/extend/approve").with(as(sameAsSupervisor))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cases/" + id + "/extend/approve").with(as(officer))).andExpect(status().isForbidden());
        JsonNode extended = json(mvc.perform(post("/api/v1/cases/" + id + "/extend/approve").with(as(Role.SUPERVISOR)))
                .andExpect(status().isOk()));
        assertThat(extended.get("complexity").asString()).isEqualTo("ESPECIALLY_COMPLEX");
        JsonNode longer = clock(extended, "especially-complex-decision");
        assertThat(Instant.parse(longer.get("dueAt").asString())).isAfter(Instant.parse(decision.get("dueAt").asString())
                .plus(Duration.ofDays(44)));
        assertThat(extended.get("timeline").toString()).contains("EXTENSION_APPROVED").contains("CUSTOMER_NOTIFIED");

        JsonNode decided = json(mvc.perform(post("/api/v1/cases/" + id + "/decide").with(as(Role.COMPLAINT_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"退还卡片并补偿手续费\"}")).andExpect(status().isOk()));
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(clock(decided, "especially-complex-decision").get("state").asString()).isEqualTo("MET");
        mvc.perform(post("/api/v1/cases/" + id + "/close").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("rootCauseCode"));
        mvc.perform(post("/api/v1/cases/" + id + "/root-cause").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rootCauseCode\":\"R04\",\"correctiveAction\":\"ATM吞卡告警接入值班手机\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/close").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        assertThat(events.stream(CaseClosed.class).filter(e -> e.caseId() == id)).singleElement()
                .satisfies(e -> assertThat(e.withinDeadline()).isTrue());
        mvc.perform(post("/api/v1/cases/" + id + "/close").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/cases?status=CLOSED").with(as(Role.SUPERVISOR))).andExpect(status().isOk());
    }

    @Test
    void aComplaintReceivedLongAgoIsAlreadyBreachedAndBadInputIsRefused() throws Exception {
        Instant received = Instant.now().minus(Duration.ofDays(20));
        JsonNode opened = json(mvc.perform(post("/api/v1/cases").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"匿名投诉\",\"channel\":\"VOICE\",\"receivedAt\":\"" + received + "\"}"))
                .andExpect(status().isCreated()));
        assertThat(clock(opened, "decision").get("state").asString()).isEqualTo("BREACHED");
        assertThat(clock(opened, "decision").get("secondsLeft").asLong()).isNegative();
        mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"GRUMBLE\",\"summary\":\"x\",\"channel\":\"BRANCH\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"INQUIRY\",\"summary\":\"x\",\"channel\":\"BRANCH\",\"customerId\":999999999}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"INQUIRY\",\"summary\":\" \",\"channel\":\"BRANCH\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("summary"));
        mvc.perform(get("/api/v1/cases/999999999").with(as(Role.SUPERVISOR))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"INQUIRY\",\"summary\":\"x\",\"channel\":\"BRANCH\"}")).andExpect(status().isUnauthorized());
        JsonNode inquiry = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"SERVICE_REQUEST\",\"summary\":\"补打对账单\",\"channel\":\"BRANCH\",\"requestKind\":\"STATEMENT\","
                        + "\"contactMobile\":\"13800138000\"}")).andExpect(status().isCreated()));
        assertThat(clock(inquiry, "resolution").get("state").asString()).isEqualTo("RUNNING");
        mvc.perform(post("/api/v1/cases/" + inquiry.get("id").asLong() + "/extend").with(as(Role.COMPLAINT_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"complexity\":\"COMPLEX\",\"reason\":\"x\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aComplaintIsSuggestedAClassificationFromItsTextWhichTheOfficerConfirms() throws Exception {
        JsonNode opened = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"ATM吞卡后一直没人处理，工作人员态度不耐烦\",\"channel\":\"BRANCH\"}"))
                .andExpect(status().isCreated()));
        long id = opened.get("id").asLong();
        JsonNode s = json(mvc.perform(get("/api/v1/cases/" + id + "/classification-suggestion").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk()));
        assertThat(s.at("/business/code").asString()).isEqualTo("B01");
        assertThat(s.at("/business/matched").toString()).contains("吞卡");
        assertThat(s.at("/cause/code").asString()).isIn("C01", "C02");
        mvc.perform(post("/api/v1/cases/" + id + "/classify").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"businessCode\":\"B01\",\"causeCode\":\"C02\",\"groupComplaint\":true,\"representatives\":6}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("representatives"));
        mvc.perform(post("/api/v1/cases/" + id + "/classify").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"businessCode\":\"Z99\",\"causeCode\":\"C02\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("businessCode"));
        mvc.perform(post("/api/v1/cases/" + id + "/classify").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"businessCode\":\"B01\",\"causeCode\":\"C02\",\"severity\":\"HIGH\",\"groupComplaint\":true,\"representatives\":3}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.severity").value("HIGH"));
        mvc.perform(get("/api/v1/cases/" + id + "/classification").with(as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.businessCode").value("B01")).andExpect(jsonPath("$.representatives").value(3));
        // the code tables are configurable by administrators
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/cases/codes/CAUSE/C99")
                .with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"测试原因\",\"nameEn\":\"Test cause\",\"keywords\":[\"测试\"]}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/cases/codes/CAUSE").with(as(Role.TELLER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='C99')].nameEn").value(org.hamcrest.Matchers.contains("Test cause")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/cases/codes/CAUSE/C98")
                .with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"x\",\"nameEn\":\"x\"}")).andExpect(status().isForbidden());
        // and so are the root causes of closed complaints (溯源整改)
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/cases/codes/ROOT/R99")
                .with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"系统缺陷\",\"nameEn\":\"System defect\"}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/cases/codes/ROOT").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='R99')].nameEn").value(org.hamcrest.Matchers.contains("System defect")));
        mvc.perform(get("/api/v1/cases/codes/OTHER").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void anOfficerInvolvedInTheMatterOrWhoRecordedTheComplaintCannotTakeIt() throws Exception {
        StaffPrincipal named = principal(Scope.bank(), Role.COMPLAINT_OFFICER);
        long id = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"投诉专员态度差\",\"channel\":\"VOICE\",\"involvedStaff\":[\""
                        + named.username() + "\"]}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.involvedStaff[0]").value(named.username()))).get("id").asLong();
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(named))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("another officer")));
        StaffPrincipal other = new StaffPrincipal(0, "other-officer", "Other", java.util.Set.of(Role.COMPLAINT_OFFICER), Scope.bank(), null);
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(other))).andExpect(status().isOk());

        StaffPrincipal recorder = new StaffPrincipal(0, "recording-officer", "Rec", java.util.Set.of(Role.COMPLAINT_OFFICER), Scope.bank(), null);
        long own = json(mvc.perform(post("/api/v1/cases").with(as(recorder)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"电话投诉\",\"channel\":\"VOICE\"}")).andExpect(status().isCreated()))
                .get("id").asLong();
        mvc.perform(post("/api/v1/cases/" + own + "/acknowledge").with(as(recorder))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"x\",\"channel\":\"VOICE\",\"involvedStaff\":[\"Bad Name!\"]}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("involvedStaff"));
    }
}
