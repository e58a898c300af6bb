package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An appointment in real Chromium: book a slot on the phone, check in on arrival, follow the ticket. */
@BrowserTest
class AppointmentBrowserTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void aCustomerBooksAnAppointmentChecksInAndSeesTheTicketStatus(Browser browser) throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        browser.open("/book/" + b + "?lang=zh-CN");
        assertThat(browser.text("#book-branch")).contains("排队测试支行");
        browser.click("#lang-en");
        assertThat(browser.text("#book-branch")).startsWith("Book an appointment");
        if (!browser.driver().findElements(org.openqa.selenium.By.cssSelector("#book-no-slots")).isEmpty()) {
            // late in the evening today has no slot left: tomorrow's first one is within the check-in window
            LocalDate tomorrow = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
            browser.open("/book/" + b + "?service=A&date=" + tomorrow);
        }
        String time = browser.text("label[for=slot-0]");
        browser.click("label[for=slot-0]");
        browser.type("#book-mobile", "13812345678");
        browser.screenshot("queueing-book");
        browser.click("#book-submit");

        assertThat(browser.text("#flash")).contains("booked");
        assertThat(browser.text("#appointment-time")).endsWith(time);
        assertThat(browser.text("#appointment-status")).isEqualTo("Booked");
        assertThat(browser.text("#appointment-mobile")).isEqualTo("138****5678");
        browser.screenshot("queueing-appointment");

        browser.click("#appointment-check-in");
        assertThat(browser.text("#flash")).contains("checked in");
        assertThat(browser.text("#status-number")).matches("A\\d{3}");
        assertThat(browser.text("#status-state")).isEqualTo("Waiting");
        assertThat(browser.text("#status-position")).startsWith("Position in line:");
        browser.screenshot("queueing-appointment-ticket");
    }
}
