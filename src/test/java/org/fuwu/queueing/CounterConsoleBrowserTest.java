package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;

/** The counter console in real Chromium: a kiosk ticket is called by a teller, served and completed. */
@BrowserTest
class CounterConsoleBrowserTest {

    @Test
    void aTellerCallsAKioskTicketServesItAndCompletesIt(Browser browser) {
        browser.open("/kiosk/B001?lang=en");
        browser.click("#service-D");
        String number = browser.text("#ticket-number");
        assertThat(number).matches("D\\d{3}");

        browser.login("teller1", "demo1234");
        browser.open("/counter?lang=en");
        browser.click("#counter-B001-C05");
        browser.waitFor("#call-next");
        for (int i = 0; i < 30; i++) {
            browser.click("#call-next");
            String called = browser.text("#current-number");
            if (called.equals(number)) {
                break;
            }
            browser.click("#no-show"); // someone else's ticket from another test: not ours
        }
        assertThat(browser.text("#current-number")).isEqualTo(number);
        assertThat(browser.text("#explanation")).startsWith(number + " called");
        browser.screenshot("queueing-console-called");

        browser.click("#start");
        browser.waitFor("#complete");
        browser.click("#complete");
        assertThat(browser.text("#flash")).isEqualTo("Done.");
        assertThat(browser.text("#no-current")).isEqualTo("No ticket at this counter.");
        browser.screenshot("queueing-console-done");
    }
}
