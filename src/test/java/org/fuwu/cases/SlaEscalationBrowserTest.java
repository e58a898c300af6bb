package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.fuwu.cases.internal.EscalationTimers;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * SLA and escalation in real Chromium: an administrator adds an escalation rule on the SLA page; an inquiry left
 * unanswered for a month escalates, and the supervisor (the team lead) finds it in their escalations on the cases
 * page, opens the case to see it escalated on its timeline, and marks the notice read.
 */
@BrowserTest
class SlaEscalationBrowserTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationTimers timers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorAddsARuleAndTheTeamLeadSeesAndClearsTheEscalation(Browser admin, Browser supervisor) throws Exception {
        admin.login("admin", "demo1234");
        admin.open("/case-sla?lang=en");
        assertThat(admin.text("#sla-policies")).contains("COMPLAINT").contains("VIP");
        new Select(admin.find("#rule-form select[name=clock]")).selectByValue("NEXT_UPDATE");
        new Select(admin.find("#rule-form select[name=caseType]")).selectByValue("FEEDBACK");
        new Select(admin.find("#rule-form select[name=severity]")).selectByValue("CRITICAL");
        new Select(admin.find("#rule-form select[name=segment]")).selectByValue("PRIVATE");
        admin.type("#rule-form input[name=percent]", "75");
        new Select(admin.find("#rule-form select[name=level]")).selectByValue("BRANCH_HEAD");
        new Select(admin.find("#rule-form select[name=action]")).selectByValue("RAISE_PRIORITY");
        admin.click("#rule-form button");
        assertThat(admin.text("#sla-flash")).isEqualTo("Saved.");
        assertThat(admin.text("#escalation-rules")).contains("FEEDBACK / CRITICAL / PRIVATE").contains("Branch head")
                .contains("raise priority");
        admin.open("/case-sla?lang=zh-CN");
        assertThat(admin.text("h1")).isEqualTo("服务时限与升级");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/case-sla/holders/TEAM_LEAD/BANK")
                .with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content("{\"usernames\":[\"supervisor1\"]}"))
                .andExpect(status().isOk());
        String body = mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"INQUIRY\",\"summary\":\"No answer for a month\",\"channel\":\"BRANCH\",\"contactMobile\":\"13912345678\",\"receivedAt\":\""
                                + Instant.now().minus(Duration.ofDays(30)) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var opened = JsonMapper.builder().build().readTree(body);
        long id = opened.get("id").asLong();
        String number = opened.get("number").asString();
        timers.recompute(id, Instant.now());
        assertThat(timers.fireDue(Instant.now(), id, 100)).isGreaterThanOrEqualTo(5);
        long supervisorId = jdbc.sql("select id from staff_account where username = 'supervisor1'").query(Long.class).single();
        long notice = jdbc.sql("""
                select min(n.id) from case_escalation_notice n join case_escalation e on e.id = n.escalation_id
                where e.case_id = :c and n.account_id = :a""").param("c", id).param("a", supervisorId).query(Long.class).single();

        supervisor.login("supervisor1", "demo1234");
        supervisor.open("/cases?lang=en");
        assertThat(supervisor.text("#escalation-list")).contains(number).contains("Team lead");
        supervisor.click("#notice-" + notice + " button");
        new WebDriverWait(supervisor.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("notice-" + notice)));
        supervisor.screenshot("cases-escalations");
        supervisor.open("/cases/" + id + "?lang=en");
        assertThat(supervisor.text("#timeline")).contains("Escalated");
        assertThat(supervisor.text("#case-escalation-list")).contains("SLA first response").contains("breached");
        assertThat(supervisor.text("#clocks")).contains("SLA resolution");
        supervisor.screenshot("cases-case-escalated");
    }
}
