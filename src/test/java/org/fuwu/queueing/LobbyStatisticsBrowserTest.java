package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 3, point 14, in real Chromium, in a branch of its own (no other test calls its tickets): a
 * customer takes a ticket at the kiosk; the lobby board, open in a second window, shows the call within
 * 1 s of the teller clicking "call next"; the teller starts and completes it; the lobby manager's
 * statistics page counts it (arrivals and served of the service today, one more each).
 */
@BrowserTest
class LobbyStatisticsBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Lobby-Browser-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void account(String username, String role, String branch) throws Exception {
        mvc.perform(post("/api/v1/staff").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"Browser %s","password":"%s","roles":["%s"],
                         "scopeLevel":"BRANCH","scopeCode":"%s"}""".formatted(username, role, PASSWORD, role, branch)))
                .andExpect(status().isCreated());
    }

    /** Arrivals and served of a service today, from the API (0 when it has no row yet). */
    private long[] today(String branch, String service) throws Exception {
        JsonNode report = JSON.readTree(mvc.perform(get("/api/v1/branches/" + branch + "/statistics").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode r : report.get("totals")) {
            if (r.get("key").asString().equals(service)) {
                return new long[] {r.get("arrivals").asLong(), r.get("served").asLong()};
            }
        }
        return new long[] {0, 0};
    }

    @Test
    void aKioskTicketIsOnTheBoardWithinOneSecondOfCallNextAndIsCountedOnceServed(Browser browser) throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        QueueingTestSupport.counter(mvc, b, "C03", "[\"B\"]"); // for the warm-up call below only
        String suffix = b.toLowerCase();
        account("teller-" + suffix, "TELLER", b);
        account("manager-" + suffix, "LOBBY_MANAGER", b);
        long[] before = today(b, "A");

        // 1. the customer takes a ticket at the kiosk
        browser.open("/kiosk/" + b + "?lang=en");
        browser.click("#service-A");
        String number = browser.text("#ticket-number");
        assertThat(number).matches("A\\d{3}");

        // the teller opens the console of counter C01
        browser.login("teller-" + suffix, PASSWORD);
        browser.open("/counter/" + b + "/C01?lang=en");
        browser.waitFor("#call-next");
        WebDriver driver = browser.driver();
        String console = driver.getWindowHandle();

        // the lobby board in a second window, live, watched for the number
        driver.switchTo().newWindow(WindowType.WINDOW);
        String board = driver.getWindowHandle();
        browser.open("/board/" + b + "?lang=en");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("board-connection"), "Live"));
        // warm-up: one call through the same path (server, feed, stream, board script) at C03 for a B ticket,
        // so the measured call is not the first the fresh JVM makes
        long warmUp = JSON.readTree(mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"B\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C03/call-next").with(as(Role.TELLER))).andExpect(status().isOk());
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(By.id("board-current-number"), "B001"));
        mvc.perform(post("/api/v1/tickets/" + warmUp + "/no-show").with(as(Role.TELLER))).andExpect(status().isOk());
        ((JavascriptExecutor) driver).executeScript("""
                var number = arguments[0];
                window.fuwuSeenAt = null;
                function look() {
                    var e = document.getElementById('board-current-number');
                    if (window.fuwuSeenAt === null && e && e.textContent.trim() === number) {
                        window.fuwuSeenAt = Date.now();
                    }
                }
                new MutationObserver(look).observe(document.body, {childList: true, characterData: true, subtree: true});
                look();""", number);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.fuwuSeenAt")).isNull();

        // 2. call next: the board shows the call within 1 s of the click
        driver.switchTo().window(console);
        long clickedAt = ((Number) ((JavascriptExecutor) driver).executeScript("return Date.now()")).longValue();
        browser.click("#call-next");
        driver.switchTo().window(board);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d ->
                ((JavascriptExecutor) d).executeScript("return window.fuwuSeenAt") != null);
        long seenAt = ((Number) ((JavascriptExecutor) driver).executeScript("return window.fuwuSeenAt")).longValue();
        long latency = seenAt - clickedAt;
        assertThat(browser.text("#board-current-number")).isEqualTo(number);
        assertThat(browser.text("#board-current-counter")).isEqualTo("Counter 1");
        long calledAt = jdbc.sql("select called_at from queue_ticket where branch_code = :b and number = :n")
                .param("b", b).param("n", number).query(java.sql.Timestamp.class).single().getTime();
        assertThat(latency).as("milliseconds from the click on call next to the number on the board (server call at +%d ms)",
                calledAt - clickedAt).isBetween(0L, 1000L);
        browser.screenshot("lobby-board-called");

        // 3. the teller starts and completes it
        driver.switchTo().window(console);
        assertThat(browser.text("#current-number")).isEqualTo(number);
        browser.click("#start");
        browser.waitFor("#complete");
        browser.click("#complete");
        assertThat(browser.text("#flash")).isEqualTo("Done.");

        // 4. the statistics count it: arrivals and served of A today, one more each
        browser.click("#logout");
        browser.waitFor("#username");
        browser.login("manager-" + suffix, PASSWORD);
        browser.open("/queueing/statistics?lang=en");
        assertThat(driver.getCurrentUrl()).contains("/queueing/branches/" + b + "/statistics"); // one branch: straight to it
        assertThat(browser.text("#stats-total-A .stat-arrivals")).isEqualTo(String.valueOf(before[0] + 1));
        assertThat(browser.text("#stats-total-A .stat-served")).isEqualTo(String.valueOf(before[1] + 1));
        assertThat(browser.text("#stats-total-A .stat-called")).isEqualTo("1");
        assertThat(browser.find("#stats-csv").getAttribute("href")).contains("/api/v1/branches/" + b + "/statistics.csv");
        // the accuracy covers both called tickets of the branch: ours and the warm-up B ticket
        assertThat(browser.text("#stats-accuracy-total td:nth-child(2)")).isEqualTo("2");
        browser.screenshot("lobby-statistics-en");
        browser.open("/queueing/branches/" + b + "/statistics?lang=zh-CN&by=TELLER");
        assertThat(browser.text("#stats-total-teller-" + suffix + " .stat-served")).isEqualTo("1");
        assertThat(browser.text("h1")).startsWith("网点排队统计");
        browser.screenshot("lobby-statistics-zh");
    }
}
