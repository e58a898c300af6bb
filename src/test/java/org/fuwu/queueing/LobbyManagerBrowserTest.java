package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lobby manager's page in real Chromium: a ticket taken on a customer's behalf, its priority
 * changed with a reason, and a ticket taken at the kiosk meanwhile appearing by itself (the page
 * listens to the branch's event stream).
 */
@BrowserTest
class LobbyManagerBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aLobbyManagerTakesATicketForACustomerPrioritisesItAndSeesTheLobbyMoveLive(Browser browser) throws Exception {
        browser.login("lobby1", "demo1234");
        browser.open("/lobby/B001?lang=en");
        browser.waitFor("#overview");
        new Select(browser.find("#issue-service")).selectByValue("D");
        browser.click("#issue-ticket");
        String flash = browser.text("#flash");
        assertThat(flash).matches("Ticket D\\d{3} taken; \\d+ in the queue\\.");
        String number = flash.replaceAll("Ticket (D\\d{3}) .*", "$1");
        browser.waitFor("#issued-ticket");
        browser.waitFor("#ticket-" + number);

        browser.click("#ticket-" + number + " summary");
        new Select(browser.find("#class-" + number)).selectByValue("PREFERENTIAL");
        new Select(browser.find("#reason-" + number)).selectByValue("ELDERLY");
        browser.click("#prioritise-" + number);
        assertThat(browser.text("#flash")).isEqualTo("Ticket " + number + " is now Preferential.");
        assertThat(browser.text("#ticket-" + number)).contains("Preferential");
        browser.screenshot("queueing-lobby-manager");

        // a customer takes a ticket at the kiosk: the page shows it without a reload
        browser.waitFor("#manager-live");
        HttpResponse<String> kiosk = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/branches/B001/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\":\"D\",\"channel\":\"KIOSK\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(kiosk.statusCode()).isEqualTo(201);
        String kioskNumber = kiosk.body().replaceAll(".*\"number\"\\s*:\\s*\"(D\\d{3})\".*", "$1");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.id("ticket-" + kioskNumber)).isEmpty());
    }
}
