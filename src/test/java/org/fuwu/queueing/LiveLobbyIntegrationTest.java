package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.queueing.internal.QueueingStore;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssuedTicket;
import org.fuwu.queueing.live.LobbyCalls;
import org.fuwu.queueing.live.SseClient;
import org.fuwu.queueing.live.SseClient.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The live lobby over real HTTP: the board's Server-Sent Events, catching up with Last-Event-ID,
 * nothing for a rolled-back change, changes from another instance, a ticket's own stream, the staff
 * stream's scope, and the board page.
 */
@FuwuIntegrationTest
class LiveLobbyIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

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

    LobbyCalls lobby;

    @BeforeEach
    void setUp() {
        lobby = new LobbyCalls(tickets, store, jdbc, events, txManager);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static boolean calls(Event e, String number) {
        return "ticket-called".equals(e.name()) && e.data().contains("\"number\":\"" + number + "\"");
    }

    @Test
    void aBoardReceivesACommittedCallWithItsNumberCounterAndEventId() throws Exception {
        String branch = QueueingTestSupport.lobby(mvc);
        IssuedTicket t = lobby.issue(branch, "A");
        try (SseClient board = SseClient.open(url("/board/" + branch + "/events"))) {
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.next("waiting", WITHIN)).as("the first waiting summary").isNotNull();
            TicketCalled called = lobby.call(t, "C01", "1", 0);
            Event e = board.next(x -> calls(x, t.number()), WITHIN);
            assertThat(e).as("ticket-called " + t.number()).isNotNull();
            assertThat(e.id()).isEqualTo(Long.toString(called.eventId()));
            assertThat(e.data()).contains("\"counterNumber\":\"1\"").doesNotContain("customer");
            Event waiting = board.next("waiting", WITHIN);
            assertThat(waiting).isNotNull();
            assertThat(waiting.data()).contains("\"code\":\"A\"");
        }
    }

    @Test
    void aBoardIsToldWhenACounterStartsAndCompletesATicket() throws Exception {
        String branch = QueueingTestSupport.lobby(mvc);
        IssuedTicket t = lobby.issue(branch, "A");
        try (SseClient board = SseClient.open(url("/board/" + branch + "/events"))) {
            assertThat(board.next("waiting", WITHIN)).isNotNull();
            String called = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .post("/api/v1/branches/" + branch + "/counters/C01/call-next")
                            .with(org.fuwu.platform.StaffFixtures.as(org.fuwu.platform.Role.TELLER)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(called).contains(t.number());
            assertThat(board.next(e -> calls(e, t.number()), WITHIN)).isNotNull();
            long id = Long.parseLong(called.replaceAll(".*\"id\"\\s*:\\s*(\\d+).*", "$1"));
            for (String action : new String[] {"start", "complete"}) {
                var req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/tickets/" + id + "/" + action)
                        .with(org.fuwu.platform.StaffFixtures.as(org.fuwu.platform.Role.TELLER));
                if (action.equals("complete")) {
                    req.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"outcome\":\"DONE\"}");
                }
                assertThat(mvc.perform(req).andReturn().getResponse().getStatus()).as(action).isEqualTo(200);
            }
            // the start and the completion may reach the hub in one read (started, completed, then one waiting
            // summary) or in two: read the stream in order until the completion, whichever way it came
            Event started = board.next(e -> "ticket-started".equals(e.name()) && e.data().contains(t.number()), WITHIN);
            assertThat(started).as("ticket-started " + t.number()).isNotNull();
            boolean waitingAfterStart = false;
            Event completed = null;
            while (completed == null || !waitingAfterStart) {
                Event e = board.next(x -> true, WITHIN);
                assertThat(e).as(completed == null ? "ticket-completed " + t.number() : "a waiting summary after the start")
                        .isNotNull();
                waitingAfterStart |= "waiting".equals(e.name());
                if ("ticket-completed".equals(e.name()) && e.data().contains(t.number())) {
                    completed = e;
                }
            }
        }
    }

    @Test
    void aBoardIsToldOfIssuedAndCancelledTickets() throws Exception {
        String branch = QueueingTestSupport.lobby(mvc);
        try (SseClient board = SseClient.open(url("/board/" + branch + "/events"))) {
            assertThat(board.next("waiting", WITHIN)).isNotNull();
            IssuedTicket t = lobby.issue(branch, "B");
            assertThat(board.next(e -> "ticket-issued".equals(e.name()) && e.data().contains(t.number()), WITHIN))
                    .isNotNull();
            Event waiting = board.next("waiting", WITHIN);
            assertThat(waiting.data()).contains("{\"code\":\"B\",\"prefix\":\"B\",\"waiting\":1");
            tickets.cancel(t.statusToken());
            assertThat(board.next(e -> "ticket-cancelled".equals(e.name()) && e.data().contains(t.number()), WITHIN))
                    .isNotNull();
        }
    }

    @Test
    void aRolledBackCallSendsNothing() throws Exception {
        String branch = QueueingTestSupport.lobby(mvc);
        IssuedTicket rolledBack = lobby.issue(branch, "A");
        IssuedTicket committed = lobby.issue(branch, "A");
        try (SseClient board = SseClient.open(url("/board/" + branch + "/events"))) {
            assertThat(board.next("waiting", WITHIN)).isNotNull();
            lobby.callRolledBack(rolledBack, "C01", "1");
            lobby.call(committed, "C02", "2", 0);
            Event first = board.next("ticket-called", WITHIN);
            assertThat(first).isNotNull();
            assertThat(first.data()).contains(committed.number()).doesNotContain(rolledBack.number());
            assertThat(board.next(e -> calls(e, rolledBack.number()), Duration.ofMillis(1500))).isNull();
        }
    }

    @Test
    void aReconnectingBoardCatchesUpFromLastEventId() throws Exception {
        String branch = QueueingTestSupport.lobby(mvc);
        IssuedTicket t1 = lobby.issue(branch, "A");
        IssuedTicket t2 = lobby.issue(branch, "A");
        IssuedTicket t3 = lobby.issue(branch, "B");
        String lastSeen;
        try (SseClient board = SseClient.open(url("/board/" + branch + "/events"))) {
            assertThat(board.next("waiting", WITHIN)).isNotNull();
            lobby.call(t1, "C01", "1", 0);
            Event e = board.next(x -> calls(x, t1.number()), WITHIN);
            assertThat(e).isNotNull();
            lastSeen = e.id();
        }
        // missed while disconnected: a call, a recall and another call
        TicketCalled c2 = lobby.call(t2, "C02", "2", 0);
        TicketCalled recall = lobby.call(t1, "C01", "1", 1);
        TicketCalled c3 = lobby.call(t3, "C02", "2", 0);
        try (SseClient board = SseClient.open(url("/board/" + branch + "/events"), lastSeen)) {
            Event first = board.next("ticket-called", WITHIN);
            Event second = board.next("ticket-called", WITHIN);
            Event third = board.next("ticket-called", WITHIN);
            assertThat(first.id()).isEqualTo(Long.toString(c2.eventId()));
            assertThat(first.data()).contains(t2.number());
            assertThat(second.id()).isEqualTo(Long.toString(recall.eventId()));
            assertThat(second.data()).contains(t1.number()).contains("\"recall\":1");
            assertThat(third.id()).isEqualTo(Long.toString(c3.eventId()));
            assertThat(third.data()).contains(t3.number());
        }
    }

    @Test
    void aChangeStoredByAnotherInstanceReachesTheBoardByPolling() throws Exception {
        String branch = QueueingTestSupport.lobby(mvc);
        IssuedTicket t = lobby.issue(branch, "A");
        try (SseClient board = SseClient.open(url("/board/" + branch + "/events"))) {
            assertThat(board.next("waiting", WITHIN)).isNotNull();
            // another instance committed a call: only its feed row is here, no event on this instance
            long id = jdbc.sql("select max(id) from queue_ticket_event").query(Long.class).single() + 1_000_000;
            jdbc.sql("""
                    insert into queue_board_event (id, branch_code, type, ticket_id, service_code, number, counter_code,
                        counter_number, recall, occurred_at) values (:id, :b, 'CALLED', :t, 'A', :n, 'C01', '1', 0, :at)""")
                    .param("id", id).param("b", branch).param("t", t.id()).param("n", t.number())
                    .param("at", Timestamp.from(Instant.now())).update();
            Event e = board.next(x -> calls(x, t.number()), Duration.ofSeconds(2));
            assertThat(e).as("polled within 2 s").isNotNull();
            assertThat(e.id()).isEqualTo(Long.toString(id));
        }
    }

    @Test
    void aTicketsStreamCarriesItsPositionAsTheQueueMoves() throws Exception {
        String branch = QueueingTestSupport.lobby(mvc);
        IssuedTicket first = lobby.issue(branch, "A");
        IssuedTicket mine = lobby.issue(branch, "A");
        try (SseClient phone = SseClient.open(url("/q/" + mine.statusToken() + "/events"))) {
            assertThat(phone.status()).isEqualTo(200);
            Event e = phone.next("status", WITHIN);
            assertThat(e.data()).contains("\"position\":2").contains("\"status\":\"WAITING\"")
                    .contains("\"number\":\"" + mine.number() + "\"").doesNotContain(first.number());
            lobby.call(first, "C01", "1", 0);
            Event moved = phone.next("status", WITHIN);
            assertThat(moved).isNotNull();
            assertThat(moved.data()).contains("\"position\":1").doesNotContain(first.number());
        }
    }

    @Test
    void anUnknownTokenOrBranchHasNoStream() throws Exception {
        mvc.perform(get("/q/not-a-token/events")).andExpect(status().isNotFound());
        mvc.perform(get("/board/NOPE99/events")).andExpect(status().isNotFound());
    }

    @Test
    void staffStreamIsForStaffOfThatBranch() throws Exception {
        mvc.perform(get("/api/v1/branches/B001/events")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/branches/B002/events").with(as(principal(Scope.branch("B001"), Role.TELLER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/branches/B001/events").with(as(principal(Scope.branch("B001"), Role.TELLER))))
                .andExpect(request().asyncStarted());
    }

    @Test
    void theBoardPageIsPublicInEnglishAndChinese() throws Exception {
        mvc.perform(get("/board/B001").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Now calling")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"board-waiting\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Number {0}, please go to counter {1}")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Beware of fraud")));
        mvc.perform(get("/board/B001").param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("正在叫号")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请 {0} 号到 {1} 号窗口")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("谨防电信诈骗")));
        mvc.perform(get("/board/NOPE99").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }
}
