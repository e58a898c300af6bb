package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.fuwu.queueing.internal.QueueingStore;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssuedTicket;
import org.fuwu.queueing.live.LobbyCalls;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The lobby TV in Chromium: a call shows on the board within 1 s, without any login. */
@BrowserTest
class LiveBoardBrowserTest {

    @Autowired
    TicketService tickets;

    @Autowired
    QueueingStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void theBoardShowsACallWithinOneSecond(Browser browser) {
        LobbyCalls lobby = new LobbyCalls(tickets, store, jdbc, events, txManager);
        browser.open("/board/B001?lang=en");
        browser.waitFor("#board-current-number");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.id("board-connection"), "Live"));
        IssuedTicket t = lobby.issue("B001", "A");
        lobby.call(t, "C03", "3", 0);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(1)).until(
                ExpectedConditions.textToBe(By.id("board-current-number"), t.number()));
        assertThat(browser.text("#board-current-counter")).isEqualTo("Counter 3");
        assertThat(browser.text("#board-calls .board-call-number")).isEqualTo(t.number());
        browser.screenshot("board-B001-en");

        // a recall is shown again, marked as one
        IssuedTicket other = lobby.issue("B001", "A");
        lobby.call(other, "C01", "1", 0);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(1)).until(
                ExpectedConditions.textToBe(By.id("board-current-number"), other.number()));
        lobby.call(t, "C03", "3", 1);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(1)).until(
                ExpectedConditions.textToBe(By.id("board-current-number"), t.number()));
        assertThat(browser.text("#board-calls tr:first-child .board-call-recall")).isEqualTo("Recall");
    }

    @Test
    void theStatusPageMovesLiveWhenTheTicketAheadIsCalled(Browser browser) {
        LobbyCalls lobby = new LobbyCalls(tickets, store, jdbc, events, txManager);
        IssuedTicket ahead = lobby.issue("B002", "A");
        IssuedTicket mine = lobby.issue("B002", "A");
        browser.open("/q/" + mine.statusToken() + "?lang=en");
        browser.waitFor("#status-live");
        String before = browser.text("#status-position");
        lobby.call(ahead, "C01", "1", 0);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(2)).until(
                ExpectedConditions.not(ExpectedConditions.textToBe(By.id("status-position"), before)));
        assertThat(browser.text("#status-position")).isEqualTo("Position in line: " + (mine.position() - 1));
    }

    @Test
    void theBoardSpeaksChineseLabelsInChinese(Browser browser) {
        LobbyCalls lobby = new LobbyCalls(tickets, store, jdbc, events, txManager);
        browser.open("/board/B001?lang=zh-CN");
        assertThat(browser.text("h2.board-label")).isEqualTo("正在叫号");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.id("board-connection"), "实时"));
        IssuedTicket t = lobby.issue("B001", "B");
        lobby.call(t, "C04", "4", 0);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(1)).until(
                ExpectedConditions.textToBe(By.id("board-current-number"), t.number()));
        assertThat(browser.text("#board-current-counter")).isEqualTo("4 号窗口");
        assertThat(browser.find("#board").getAttribute("data-say-zh")).isEqualTo("请 {0} 号到 {1} 号窗口");
        browser.screenshot("board-B001-zh");
    }
}
