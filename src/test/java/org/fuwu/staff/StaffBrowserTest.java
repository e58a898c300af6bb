package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Staff administration in real Chromium: an admin creates an account that can then log in; a machine token is shown once. */
@BrowserTest
class StaffBrowserTest {

    /**
     * Clicks after scrolling the element into view at once: Bootstrap's {@code scroll-behavior: smooth}
     * lets Selenium's own scroll still be moving when it clicks, and the click lands on something else.
     */
    private static void press(Browser browser, String css) {
        WebElement e = browser.find(css);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        browser.click(css);
    }

    @Test
    void adminCreatesAnAgentWhoLogsInWithoutTheStaffWorkspace(Browser browser) {
        String username = "bt" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

        browser.login("admin", "demo1234");
        press(browser, "#tile-staff");
        assertThat(browser.text("#staff-table")).contains("teller1", "王芳");
        press(browser, "#staff-new");

        browser.type("#username", username);
        browser.type("#password", "short");
        browser.type("#displayName", "欧阳娜");
        press(browser, "#role-AGENT");
        press(browser, "#staff-create");
        // the policy refuses the password, next to the field; the rest of the form is kept
        assertThat(browser.text("#password ~ .invalid-feedback")).contains("at least 10 characters");
        assertThat(browser.find("#displayName").getAttribute("value")).isEqualTo("欧阳娜");

        browser.type("#password", "Agent-password-2026");
        new Select(browser.find("#skill-lang-en")).selectByValue("4");
        press(browser, "#staff-create");
        assertThat(browser.text("#flash")).contains(username);
        assertThat(browser.find("#role-AGENT").isSelected()).isTrue();
        assertThat(new Select(browser.find("#skill-lang-en")).getFirstSelectedOption().getText()).isEqualTo("4");

        press(browser, "#logout");
        browser.login(username, "Agent-password-2026");
        assertThat(browser.text("#current-user")).contains("欧阳娜");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#tile-staff"))).isEmpty();
    }

    @Test
    void adminCreatesAMachineTokenAndSeesItOnce(Browser browser) {
        String name = "bt-kiosk-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        browser.login("admin", "demo1234");
        browser.open("/staff/tokens");
        browser.type("#name", name);
        press(browser, "#token-role-TELLER");
        new Select(browser.find("#scopeLevel")).selectByValue("BRANCH");
        browser.type("#scopeCode", "B001");
        press(browser, "#token-submit");
        String token = browser.text("#new-token-value");
        assertThat(token).startsWith("fuwu_").hasSize(48);
        assertThat(browser.text("#tokens-table")).contains(name, "BRANCH:B001");

        browser.open("/staff/tokens");
        assertThat(browser.driver().getPageSource()).contains(name).doesNotContain(token);
    }
}
