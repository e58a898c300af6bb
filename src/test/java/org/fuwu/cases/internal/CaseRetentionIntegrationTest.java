package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retention with a set clock: a complaint closed more than 3 years before the clock's now is anonymised (personal data
 * gone, codes and times kept for the statistics, audited); one closed a day short of 3 years is untouched.
 */
@FuwuIntegrationTest
class CaseRetentionIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId CN = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InsightStore store;

    @Autowired
    PersonalData personalData;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager tx;

    private long closedComplaint(String mobile) throws Exception {
        long customer = JSON.readTree(mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"赵保留\",\"mobile\":\"" + mobile + "\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        long id = JSON.readTree(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"customerId\":" + customer + ",\"summary\":\"赵先生身份证110101199003071234被冒用\","
                        + "\"channel\":\"BRANCH\",\"contactMobile\":\"" + mobile + "\",\"branchCode\":\"B001\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        mvc.perform(multipart("/api/v1/cases/" + id + "/attachments").file(new MockMultipartFile("file", "id.pdf", "application/pdf",
                "%PDF-1.7 id card".getBytes())).with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/cases/" + id + "/classify").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"businessCode\":\"B01\",\"causeCode\":\"C07\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/decide").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"赵先生的卡已冻结\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/close-with-root-cause").with(as(Role.COMPLAINT_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"rootCauseCode\":\"R02\",\"correctiveAction\":\"核实赵先生身份的柜员已培训\"}"))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void aCaseClosedMoreThanThreeYearsAgoIsAnonymisedAndOneStillWithinItsPeriodIsKept() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        long old = closedComplaint(org.fuwu.customer.CustomerFixtures.mobile());
        long recent = closedComplaint(org.fuwu.customer.CustomerFixtures.mobile());
        Instant threeYears = now.atZone(CN).minusYears(3).toInstant();
        jdbc.sql("update case_file set closed_at = :t where id = :id").param("t", java.sql.Timestamp.from(threeYears.minusSeconds(86400)))
                .param("id", old).update();
        jdbc.sql("update case_file set closed_at = :t where id = :id").param("t", java.sql.Timestamp.from(threeYears.plusSeconds(86400)))
                .param("id", recent).update();

        CaseRetention retention = new CaseRetention(store, personalData, audit, clock, tx, Period.ofYears(3), CN, true);
        assertThat(retention.run()).isGreaterThanOrEqualTo(1);

        JsonNode gone = JSON.readTree(mvc.perform(get("/api/v1/cases/" + old).with(as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(gone.get("summary").asString()).isEqualTo(CaseRetention.PLACEHOLDER);
        assertThat(gone.get("decision").asString()).isEqualTo(CaseRetention.PLACEHOLDER);
        assertThat(gone.get("customerId").isNull()).isTrue();
        assertThat(gone.get("timeline").toString()).doesNotContain("赵先生");
        assertThat(gone.get("status").asString()).isEqualTo("CLOSED");
        mvc.perform(get("/api/v1/cases/" + old + "/intake").with(as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.contactMobile").doesNotExist()).andExpect(jsonPath("$.anonymised").value(true))
                .andExpect(jsonPath("$.branchCode").value("B001"));
        mvc.perform(get("/api/v1/cases/" + old + "/attachments").with(as(Role.SUPERVISOR))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/cases/" + old + "/root-cause").with(as(Role.SUPERVISOR))).andExpect(jsonPath("$.code").value("R02"))
                .andExpect(jsonPath("$.correctiveAction").value(CaseRetention.PLACEHOLDER));
        var kept = jdbc.sql("select type, business_code, cause_code, channel, region_code, received_at from case_file where id = :id")
                .param("id", old).query().singleRow();
        assertThat(kept).containsEntry("business_code", "B01").containsEntry("cause_code", "C07").containsEntry("region_code", "R01");
        assertThat(jdbc.sql("select (select count(*) from audit_record where action = 'cases.retention.anonymise' and target = :t)"
                + " + (select count(*) from audit_pending where action = 'cases.retention.anonymise' and target = :t)")
                .param("t", "case:" + old).query(Integer.class).single()).isEqualTo(1);

        JsonNode still = JSON.readTree(mvc.perform(get("/api/v1/cases/" + recent).with(as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(still.get("summary").asString()).contains("被冒用");
        mvc.perform(get("/api/v1/cases/" + recent + "/attachments").with(as(Role.SUPERVISOR))).andExpect(jsonPath("$.length()").value(1));

        assertThat(retention.run()).as("a second run finds nothing more of these").isZero();
        assertThatThrownBy(() -> new CaseRetention(store, personalData, audit, clock, tx, Period.ofYears(2), CN, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
