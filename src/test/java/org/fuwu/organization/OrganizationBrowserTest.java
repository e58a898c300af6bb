package org.fuwu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** The organisation pages in real Chromium: a teller's branch scope, and an administrator setting up a branch. */
@BrowserTest
class OrganizationBrowserTest {

    @Test
    void tellerOfB001SeesOnlyB001AndIsRefusedB002(Browser browser) {
        browser.login("teller1", "demo1234");
        browser.click("#tile-organization");
        assertThat(browser.text("#branch-list")).contains("B001").doesNotContain("B002", "B101");
        assertThat(browser.driver().findElements(By.id("new-branch"))).isEmpty();

        browser.click("#open-B001");
        assertThat(browser.text("#branch-name")).contains("B001");
        assertThat(browser.text("#hours")).contains("09:00");
        assertThat(browser.driver().findElements(By.id("edit-branch"))).isEmpty();

        browser.open("/organization/branches/B002");
        assertThat(browser.text("#error-title")).isNotBlank();
        browser.screenshot("organization-teller-refused-b002");
    }

    @Test
    void adminSetsUpABranchWithAZoneACounterAndOpeningHours(Browser browser) {
        String code = OrganizationFixtures.uniqueCode("BW");
        browser.login("admin", "demo1234");
        browser.open("/organization/branches/new");
        browser.type("#code", code);
        browser.type("#nameZh", "杭州西湖支行");
        browser.type("#nameEn", "Hangzhou West Lake Sub-branch");
        new Select(browser.find("#regionCode")).selectByValue("R01");
        browser.type("#latitude", "30.2741");
        browser.type("#longitude", "120.1551");
        browser.click("#save-branch");
        assertThat(browser.text("#branch-name")).contains(code);

        browser.click("#new-zone");
        browser.type("#code", "Z01");
        browser.type("#nameZh", "理财区");
        browser.type("#nameEn", "Wealth management");
        new Select(browser.find("#kind")).selectByValue("WEALTH");
        browser.click("#save-zone");
        assertThat(browser.text("#zones")).contains("Z01");

        browser.click("#new-counter");
        browser.type("#code", "C01");
        browser.type("#number", "1");
        new Select(browser.find("#zoneCode")).selectByValue("Z01");
        new Select(browser.find("#kind")).selectByValue("WEALTH");
        browser.click("#save-counter");
        assertThat(browser.text("#counters")).contains("C01");

        browser.click("#edit-hours");
        new Select(browser.find("#closed_MONDAY")).selectByValue("false");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("document.getElementById('opens_MONDAY').value = '08:30';"
                + "document.getElementById('closes_MONDAY').value = '07:00';");
        browser.click("#save-hours");
        assertThat(browser.text("#closes_MONDAY-error")).isNotBlank();

        js.executeScript("document.getElementById('opens_MONDAY').value = '08:30';"
                + "document.getElementById('closes_MONDAY').value = '17:30';");
        browser.click("#save-hours");
        assertThat(browser.text("#flash")).contains(code);
        assertThat(browser.text("#hours-MONDAY")).contains("08:30").contains("17:30");
        browser.screenshot("organization-admin-branch");
    }
}
