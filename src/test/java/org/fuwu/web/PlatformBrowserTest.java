package org.fuwu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.fuwu.platform.Identifiers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The walk-through in real Chromium: log in as admin, create a branch and a customer, see
 * the customer's identifiers masked, unmask one with a reason, and find that in the audit viewer.
 */
@BrowserTest
class PlatformBrowserTest {

    @Test
    void adminCreatesBranchAndCustomerUnmasksWithAReasonAndFindsItInTheAuditLog(Browser browser) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String branchCode = "BT" + rnd.nextInt(10_000, 99_999);
        String mobile = "139" + rnd.nextInt(10_000_000, 99_999_999);
        String first17 = "31010119850612" + rnd.nextInt(100, 999);
        String idNumber = first17 + Identifiers.idCheckDigit(first17);

        // 1. log in as admin
        browser.login("admin", "demo1234");
        assertThat(browser.text("#launcher")).contains("Customers", "Audit log");

        // 2a. create a branch
        browser.open("/organization/branches/new");
        browser.type("#code", branchCode);
        browser.type("#nameZh", "测试支行" + branchCode);
        browser.type("#nameEn", "Test branch " + branchCode);
        new Select(browser.find("#regionCode")).selectByValue("R01");
        browser.type("#addressZh", "上海市黄浦区中山东一路1号");
        browser.type("#addressEn", "1 Zhongshan East 1st Road, Shanghai");
        browser.type("#latitude", "31.2397");
        browser.type("#longitude", "121.4998");
        browser.type("#phone", "021-63211234");
        browser.click("#save-branch");
        assertThat(browser.text("#branch-name")).contains("Test branch " + branchCode);

        // 2b. create a customer
        browser.open("/customers/new");
        browser.type("#name", "欧阳晓峰");
        browser.type("#mobile", mobile);
        browser.type("#idNumber", idNumber);
        browser.click("#save-customer");
        String number = browser.text("#customer-number");
        assertThat(number).isNotBlank();

        // 3. the identifiers are masked
        String maskedMobile = browser.text("#identity-MOBILE");
        assertThat(maskedMobile).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7)).doesNotContain(mobile);
        assertThat(browser.text("#identity-ID_NUMBER")).isEqualTo(idNumber.substring(0, 3) + "*".repeat(11) + idNumber.substring(14));
        assertThat(browser.driver().getPageSource()).doesNotContain(mobile).doesNotContain(idNumber);

        // 4. unmask with a reason
        browser.type("#unmask-reason", "Customer asked to confirm the number on file");
        browser.click("#unmask-submit");
        assertThat(browser.text("#unmasked-MOBILE")).isEqualTo(mobile);

        // 5. find it in the audit viewer
        browser.open("/audit?action=customer.unmask&actor=admin");
        assertThat(browser.driver().findElements(By.cssSelector("#audit-table .audit-action")))
                .extracting(e -> e.getText()).contains("customer.unmask");
        assertThat(browser.text("#audit-table")).contains("Customer asked to confirm the number on file");
        browser.screenshot("audit-after-unmask");
    }
}
