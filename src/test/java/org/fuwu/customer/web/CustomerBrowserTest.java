package org.fuwu.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.fuwu.customer.CustomerFixtures;
import org.fuwu.platform.Identifiers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * A teller's walk through the customer file in real Chromium: a refused form with the errors next to
 * their fields, a new elderly customer shown masked, consent recorded, the mobile number unmasked
 * with a reason, the customer found by that number, and the segment changed.
 */
@BrowserTest
class CustomerBrowserTest {

    @Test
    void tellerOpensAFileSeesItMaskedUnmasksWithAReasonFindsItAndEditsIt(Browser browser) {
        String mobile = CustomerFixtures.mobile();
        String first17 = "31010919520314" + String.format("%03d", (int) (Math.random() * 1000));
        String idNumber = first17 + Identifiers.idCheckDigit(first17);
        String name = CustomerFixtures.uniqueName("欧阳");

        browser.login("teller1", "demo1234");
        browser.open("/customers");
        assertThat(browser.text("#customer-count")).isNotBlank();
        browser.click("#new-customer");

        browser.type("#name", name);
        browser.type("#mobile", "12345");
        browser.type("#idNumber", CustomerFixtures.withWrongCheckDigit(idNumber));
        browser.click("#save-customer");
        assertThat(browser.text("#mobile-error")).contains("mobile number");
        assertThat(browser.text("#idNumber-error")).contains("check digit");
        browser.screenshot("customer-form-errors");

        browser.type("#mobile", mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7));
        browser.type("#idNumber", idNumber);
        browser.click("#save-customer");
        assertThat(browser.text("#flash")).contains("has been created");
        String number = browser.text("#customer-number");
        assertThat(number).matches("C\\d{8}");
        assertThat(browser.text("#identity-MOBILE")).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(browser.text("#preferential-ELDERLY")).isEqualTo("Elderly");
        assertThat(browser.driver().getPageSource()).doesNotContain(mobile).doesNotContain(idNumber);

        browser.click("#consent-toggle");
        assertThat(browser.text("#consent-state")).isEqualTo("Granted");

        browser.type("#unmask-reason", "Customer asked to confirm the number on file");
        browser.click("#unmask-submit");
        assertThat(browser.text("#unmasked-MOBILE")).isEqualTo(mobile);
        assertThat(browser.text("#unmasked-ID_NUMBER")).isEqualTo(idNumber);
        browser.screenshot("customer-unmasked");

        browser.open("/customers");
        browser.type("#search-identifier", mobile);
        browser.click("#search-submit");
        assertThat(browser.text("#customer-results")).contains(number, name);
        browser.click("#customer-link-" + number);

        browser.click("#edit-customer");
        new Select(browser.find("#segment")).selectByValue("VIP");
        browser.click("#save-customer");
        assertThat(browser.text("#customer-segment")).isEqualTo("VIP");
        browser.screenshot("customer-detail");
    }
}
