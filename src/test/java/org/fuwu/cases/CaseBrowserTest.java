package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A complaint from the counter to the callback, in real Chromium with three people: a teller records a
 * customer's complaint; the complaint officer sees it with its 15-day clock, takes it, and asks for an
 * extension, which a supervisor approves; the officer decides, closes with the root cause and corrective action (溯源整改)
 * and makes the callback; the KPIs count it.
 */
@BrowserTest
class CaseBrowserTest {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Test
    void aComplaintGoesFromTheCounterThroughItsLegalClockExtensionDecisionAndCallback(Browser teller, Browser officer,
                                                                                    Browser supervisor) throws Exception {
        String mobile = org.fuwu.customer.CustomerFixtures.mobile();
        mvc.perform(post("/api/v1/customers").with(as(org.fuwu.platform.Role.TELLER))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"name\":\"郑先生\",\"mobile\":\"" + mobile + "\"}")).andExpect(status().isCreated());

        teller.login("teller1", "demo1234");
        teller.open("/cases/new?lang=en");
        new Select(teller.find("#type")).selectByValue("COMPLAINT");
        teller.type("#mobile", mobile);
        teller.type("#summary", "The ATM kept my card and nobody called me back.");
        teller.click("#case-open");
        String flash = teller.text("#flash");
        assertThat(flash).matches("Case TS\\d{10} recorded\\.");
        String number = flash.replaceAll("Case (TS\\d{10}) recorded\\.", "$1");
        String caseUrl = teller.driver().getCurrentUrl().replaceAll("\\?.*$", "");
        String path = caseUrl.substring(caseUrl.indexOf("/cases/"));

        officer.login("officer1", "demo1234");
        officer.open("/cases?lang=en&status=OPEN");
        String callbacksBefore = officer.text("#kpi-callback-count").trim();
        assertThat(officer.text("#case-list")).contains(number);
        officer.open(path + "?lang=en");
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(16).format(DateTimeFormatter.ISO_LOCAL_DATE);
        assertThat(officer.text("#clock-decision")).contains("Decision (15 days)").contains(due + " 00:00").contains("running");
        assertThat(officer.text("#suggestion")).contains("B01 (card, atm)").contains("C02 (nobody)");
        officer.click("#classify");
        assertThat(officer.text("#flash")).isEqualTo("Classification confirmed.");
        officer.click("#acknowledge");
        assertThat(officer.text("#flash")).isEqualTo("Taken and acknowledged.");
        assertThat(officer.text("#clock-first-response")).contains("met");
        new Select(officer.find("#extend-complexity")).selectByValue("ESPECIALLY_COMPLEX");
        officer.type("#extend-reason", "Footage from two branches is needed");
        officer.click("#extend");
        assertThat(officer.text("#extension-pending")).contains("officer1");

        supervisor.login("supervisor1", "demo1234");
        supervisor.open(path + "?lang=en");
        supervisor.click("#approve");
        assertThat(supervisor.text("#flash")).isEqualTo("Extension approved; the customer is told.");
        assertThat(supervisor.text("#clocks")).contains("Decision, especially complex (60 days)");

        officer.open(path + "?lang=en");
        officer.type("#decision", "The card is returned and the fee refunded.");
        officer.click("#decide");
        assertThat(officer.text("#case-status")).isEqualTo("Decided");
        assertThat(officer.text("#clock-especially-complex-decision")).contains("met");
        new Select(officer.find("#root-cause-code")).selectByValue("R04");
        officer.type("#corrective-action-input", "ATM card-retention alerts now reach the duty officer's phone.");
        officer.click("#close");
        assertThat(officer.text("#case-status")).isEqualTo("Closed");
        assertThat(officer.text("#root-cause")).contains("R04 System or device defect").contains("duty officer");
        new Select(officer.find("#callback-outcome")).selectByValue("REACHED");
        new Select(officer.find("#callback-satisfaction")).selectByValue("5");
        officer.click("#callback-done");
        assertThat(officer.text("#callback-result")).isEqualTo("Customer reached · 5/5");
        assertThat(officer.text("#timeline")).contains("Extension approved").contains("Decided").contains("Callback: customer reached");
        officer.screenshot("cases-case");

        officer.open("/cases?lang=en");
        String callbacksAfter = officer.text("#kpi-callback-count").trim();
        assertThat(callbacksAfter).isNotEqualTo(callbacksBefore);
        officer.screenshot("cases-list");
        officer.open(path + "?lang=zh-CN");
        assertThat(officer.text("#case-status")).isEqualTo("已办结");
    }
}
