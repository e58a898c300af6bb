package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;

/** The lobby in real Chromium: a customer takes a number at the kiosk and follows it on the status page. */
@BrowserTest
class QueueingBrowserTest {

    @Test
    void aCustomerTakesATicketAtTheKioskAndSeesItsStatusPage(Browser browser) {
        browser.open("/kiosk/B003?lang=zh-CN");
        assertThat(browser.text("#kiosk-branch")).isEqualTo("徐汇支行");
        assertThat(browser.text("#service-B")).contains("非现金业务");
        browser.click("#lang-en");
        assertThat(browser.text("#service-B")).contains("Non-cash");
        browser.screenshot("queueing-kiosk");

        browser.click("#service-B");
        String number = browser.text("#ticket-number");
        assertThat(number).matches("B\\d{3}");
        assertThat(browser.find("#ticket-qr").isDisplayed()).isTrue();
        assertThat(browser.text("#ticket-estimate")).isNotBlank();
        browser.screenshot("queueing-ticket");

        browser.click("#ticket-status-link");
        assertThat(browser.text("#status-number")).isEqualTo(number);
        assertThat(browser.text("#status-state")).isEqualTo("Waiting");
        assertThat(browser.text("#status-position")).startsWith("Position in line:");
        browser.screenshot("queueing-status");

        browser.click("#status-cancel");
        assertThat(browser.text("#flash")).contains(number);
        assertThat(browser.text("#status-state")).isEqualTo("Cancelled");
    }
}
