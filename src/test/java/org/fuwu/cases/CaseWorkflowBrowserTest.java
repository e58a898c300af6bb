package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow panel of the case page in real Chromium, as the complaint officer uses it: assign through the routing
 * core, note, a task to another department (the decision is refused while it is open), complete it, decide, the
 * decision as a printable letter with its proof, the customer accepts, closure; the panel in Chinese.
 */
@BrowserTest
class CaseWorkflowBrowserTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theOfficerAssignsInvestigatesDecidesTellsTheCustomerByLetterAndCloses(Browser officer) throws Exception {
        String mobile = org.fuwu.customer.CustomerFixtures.mobile();
        long customerId = JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/customers").with(as(Role.TELLER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"钱女士\",\"mobile\":\"" + mobile + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        long id = JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"COMPLAINT\",\"customerId\":" + customerId
                        + ",\"summary\":\"信用卡年费未告知就扣款\",\"channel\":\"BRANCH\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        String path = "/cases/" + id;

        officer.login("officer1", "demo1234");
        officer.open(path + "?lang=en");
        new Select(officer.find("#assign-officer")).selectByValue("auto");
        officer.click("#assign");
        assertThat(officer.text("#flash")).isEqualTo("Assigned.");
        assertThat(officer.text("#timeline")).containsAnyOf("Assigned", "With the team");
        officer.click("#acknowledge");

        officer.type("#note-body", "客户称开卡时未被告知年费");
        officer.click("#add-note");
        assertThat(officer.text("#notes")).contains("客户称开卡时未被告知年费");

        officer.type("#task-department", "信用卡中心");
        officer.type("#task-responsible", "李工");
        officer.type("#task-request", "提供开卡时的告知记录");
        String due = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withSecond(0).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        ((JavascriptExecutor) officer.driver()).executeScript("document.getElementById('task-due').value = arguments[0];", due);
        officer.click("#add-task");
        assertThat(officer.text("#tasks")).contains("信用卡中心").contains("李工").contains("open");

        officer.type("#decision", "退还年费");
        officer.click("#decide");
        assertThat(officer.text("#case-error")).contains("open task");
        String taskId = officer.find("#tasks tr").getAttribute("id").replace("task-", "");
        officer.type("#task-result-" + taskId, "记录显示未告知");
        officer.click("#complete-task-" + taskId);
        assertThat(officer.text("#tasks")).contains("done").contains("记录显示未告知");
        officer.type("#decision", "退还年费并致歉");
        officer.click("#decide");
        assertThat(officer.text("#case-status")).isEqualTo("Decided");
        assertThat(officer.text("#review")).startsWith("A review may be asked until ");

        new Select(officer.find("#notice-kind")).selectByValue("DECISION");
        new Select(officer.find("#notice-channel")).selectByValue("LETTER");
        officer.click("#notify");
        assertThat(officer.text("#flash")).isEqualTo("Notice queued; its proof is on the timeline.");
        assertThat(officer.text("#notices")).contains("Decision").contains("Letter").contains("printable");
        String letter = officer.find("#notices a").getAttribute("href");
        officer.click("#accept");
        assertThat(officer.text("#accepted")).startsWith("The customer accepted the decision on ");
        new Select(officer.find("#root-cause-code")).selectByValue("R04");
        officer.type("#corrective-action-input", "开卡时年费告知纳入双录检查");
        officer.click("#close");
        assertThat(officer.text("#case-status")).isEqualTo("Closed");
        assertThat(officer.text("#timeline")).contains("Task to a department").contains("Task completed").contains("Letter printed")
                .contains("Customer accepted the decision");
        officer.screenshot("cases-workflow");

        officer.driver().get(letter);
        assertThat(officer.text("#letter-body")).contains("钱女士").contains("退还年费并致歉");
        officer.open(path + "?lang=zh-CN");
        assertThat(officer.text("#workflow")).contains("处理流程").contains("转办其他部门");
        assertThat(officer.driver().findElements(By.id("reopen"))).hasSize(1);
    }
}
