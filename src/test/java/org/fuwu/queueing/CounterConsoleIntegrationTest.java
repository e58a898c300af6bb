package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
@RecordApplicationEvents
class CounterConsoleIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private JsonNode issue(String branch, String service) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/branches/" + branch + "/tickets").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"" + service + "\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    /** Issues a ticket and backdates it so the first-come order is explicit. */
    private long issueAt(String branch, String service, String priority, int minutesAgo) throws Exception {
        long id = issue(branch, service).get("id").asLong();
        jdbc.sql("update queue_ticket set priority_class = :p, issued_at = :at where id = :id").param("p", priority)
                .param("at", Timestamp.from(Instant.now().minusSeconds(60L * minutesAgo))).param("id", id).update();
        return id;
    }

    private JsonNode callNext(String branch, String counter, Role role) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/branches/" + branch + "/counters/" + counter + "/call-next").with(as(role)))
                .andExpect(status().isOk()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private JsonNode action(long id, String action, String body, int expected) throws Exception {
        var req = post("/api/v1/tickets/" + id + "/" + action).with(as(Role.TELLER));
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MvcResult r = mvc.perform(req).andExpect(status().is(expected)).andReturn();
        String text = r.getResponse().getContentAsString();
        return text.isEmpty() ? null : JSON.readTree(text);
    }

    @Test
    void callNextUnderStrictPriorityCallsTheVipFirstAndRecordsTheOvertakeWithItsExplanation() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long ordinary = issueAt(b, "A", "ORDINARY", 10);
        long vip = issueAt(b, "A", "VIP", 5);
        JsonNode called = callNext(b, "C01", Role.TELLER);
        assertThat(called.get("id").asLong()).isEqualTo(vip);
        assertThat(called.get("status").asString()).isEqualTo("CALLED");
        assertThat(called.get("counterCode").asString()).isEqualTo("C01");
        String ordinaryNumber = jdbc.sql("select number from queue_ticket where id = :id").param("id", ordinary)
                .query(String.class).single();
        assertThat(called.get("explanation").asString())
                .isEqualTo(called.get("number").asString() + " called before " + ordinaryNumber + ": VIP, overtakes 1 of 3");
        assertThat(jdbc.sql("select overtakes from queue_ticket where id = :id").param("id", ordinary)
                .query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/tickets/" + ordinary + "/overtakes").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0]").value(org.hamcrest.Matchers.startsWith(
                        "by=" + called.get("number").asString() + ";counter=C01;overtakes=1;bound=3")));
        assertThat(events.stream(TicketCalled.class).filter(e -> e.ticketId() == vip)).singleElement()
                .satisfies(e -> {
                    assertThat(e.counterCode()).isEqualTo("C01");
                    assertThat(e.counterNumber()).isEqualTo("1");
                    assertThat(e.recall()).isZero();
                    assertThat(e.eventId()).isEqualTo(jdbc.sql(
                            "select max(id) from queue_ticket_event where ticket_id = :t and type = 'CALLED'")
                            .param("t", vip).query(Long.class).single());
                });
    }

    @Test
    void firstComeFirstServedPolicyCallsTheEarliestAndTheFairnessBoundStopsOvertakes() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(put("/api/v1/branches/" + b + "/routing-policy").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policy\":\"FIRST_COME_FIRST_SERVED\",\"maxOvertakes\":1,\"maxDelayMinutes\":10}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.policy").value("FIRST_COME_FIRST_SERVED"));
        long ordinary = issueAt(b, "A", "ORDINARY", 10);
        issueAt(b, "A", "VIP", 5);
        assertThat(callNext(b, "C01", Role.TELLER).get("id").asLong()).isEqualTo(ordinary);

        String b2 = QueueingTestSupport.lobby(mvc);
        mvc.perform(put("/api/v1/branches/" + b2 + "/routing-policy").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policy\":\"STRICT_PRIORITY\",\"maxOvertakes\":1,\"maxDelayMinutes\":60}"))
                .andExpect(status().isOk());
        long old = issueAt(b2, "A", "ORDINARY", 20);
        long vip1 = issueAt(b2, "A", "VIP", 10);
        issueAt(b2, "A", "VIP", 9);
        JsonNode first = callNext(b2, "C01", Role.TELLER);
        assertThat(first.get("id").asLong()).isEqualTo(vip1);
        action(vip1, "no-show", null, 200);
        // K = 1: the ordinary ticket was overtaken once, so it is called before the second VIP
        JsonNode second = callNext(b2, "C01", Role.TELLER);
        assertThat(second.get("id").asLong()).isEqualTo(old);
    }

    @Test
    void callNextAnswers204WhenNobodyWaitsForTheCounter() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        issue(b, "B"); // only C02 serves B
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C09/call-next").with(as(Role.TELLER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void twoCountersCallingConcurrentlyNeverGetTheSameTicket() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        for (int i = 0; i < 40; i++) {
            issue(b, "A");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (String counter : List.of("C01", "C02")) {
                Callable<List<Long>> calls = () -> {
                    List<Long> got = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        JsonNode t = callNext(b, counter, Role.TELLER);
                        got.add(t.get("id").asLong());
                        action(t.get("id").asLong(), "no-show", null, 200);
                    }
                    return got;
                };
                futures.add(pool.submit(calls));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(40);
            assertThat(new HashSet<>(all)).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(status().isNoContent());
    }

    @Test
    void recallIsLimitedAndThenOnlyNoShowIsLeft() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        issue(b, "A");
        long id = callNext(b, "C01", Role.TELLER).get("id").asLong();
        assertThat(action(id, "recall", null, 200).get("recalls").asInt()).isEqualTo(1);
        assertThat(action(id, "recall", null, 200).get("recalls").asInt()).isEqualTo(2);
        action(id, "recall", null, 409);
        assertThat(events.stream(TicketCalled.class).filter(e -> e.ticketId() == id).map(TicketCalled::recall))
                .containsExactly(0, 1, 2);
        assertThat(action(id, "no-show", null, 200).get("status").asString()).isEqualTo("NO_SHOW");
        action(id, "start", null, 409);
        assertThat(events.stream(TicketNoShow.class).filter(e -> e.ticketId() == id)).hasSize(1);
    }

    @Test
    void aTicketIsStartedCompletedWithAnOutcomeAndKeepsItsArrival() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long id = issueAt(b, "A", "ORDINARY", 7);
        Instant issuedAt = jdbc.sql("select issued_at from queue_ticket where id = :id").param("id", id)
                .query(Timestamp.class).single().toInstant();
        callNext(b, "C01", Role.TELLER);
        action(id, "complete", "{\"outcome\":\"DONE\"}", 409); // not started yet
        assertThat(action(id, "start", null, 200).get("status").asString()).isEqualTo("SERVING");
        action(id, "complete", "{}", 400);
        JsonNode done = action(id, "complete", "{\"outcome\":\"FOLLOW_UP\"}", 200);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("outcome").asString()).isEqualTo("FOLLOW_UP");
        assertThat(events.stream(TicketCompleted.class).filter(e -> e.ticketId() == id)).singleElement()
                .satisfies(e -> assertThat(e.issuedAt()).isEqualTo(issuedAt));
        assertThat(jdbc.sql("select type from queue_ticket_event where ticket_id = :t order by id").param("t", id)
                .query(String.class).list()).containsExactly("ISSUED", "CALLED", "STARTED", "COMPLETED");
    }

    @Test
    void aTransferKeepsTheArrivalAndGoesToTheFrontOrTheBack() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long waitingB = issueAt(b, "B", "ORDINARY", 3);
        long moved = issueAt(b, "A", "ORDINARY", 1);
        Instant arrival = jdbc.sql("select issued_at from queue_ticket where id = :id").param("id", moved)
                .query(Timestamp.class).single().toInstant();
        callNext(b, "C01", Role.TELLER);
        action(moved, "start", null, 200);
        action(moved, "transfer", "{}", 422);
        JsonNode t = action(moved, "transfer", "{\"serviceCode\":\"B\",\"position\":\"FRONT\"}", 200);
        assertThat(t.get("status").asString()).isEqualTo("WAITING");
        assertThat(t.get("serviceCode").asString()).isEqualTo("B");
        assertThat(jdbc.sql("select issued_at from queue_ticket where id = :id").param("id", moved)
                .query(Timestamp.class).single().toInstant()).isEqualTo(arrival);
        // at the front of B: C02 calls it before the ticket that waited in B longer
        assertThat(callNext(b, "C02", Role.TELLER).get("id").asLong()).isEqualTo(moved);
        action(moved, "transfer", "{\"counterCode\":\"C01\",\"position\":\"BACK\"}", 200);
        // transferred to counter C01 only: C02 now gets the B ticket
        assertThat(callNext(b, "C02", Role.TELLER).get("id").asLong()).isEqualTo(waitingB);
        assertThat(callNext(b, "C01", Role.TELLER).get("id").asLong()).isEqualTo(moved);
        assertThat(events.stream(TicketTransferred.class).filter(e -> e.ticketId() == moved)).hasSize(2);
    }

    @Test
    void parkReturnCancelAndWalkInAndCounterState() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        issue(b, "A");
        long id = callNext(b, "C01", Role.TELLER).get("id").asLong();
        // the counter is busy while the ticket is called
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(status().isConflict());
        assertThat(action(id, "park", null, 200).get("status").asString()).isEqualTo("PARKED");
        assertThat(action(id, "return", null, 200).get("status").asString()).isEqualTo("CALLED");
        assertThat(action(id, "cancel", null, 200).get("status").asString()).isEqualTo("CANCELLED");
        action(id, "return", null, 409);
        action(99_999_999L, "start", null, 404);

        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/serve-walk-in").with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SERVING"))
                .andExpect(jsonPath("$.counterCode").value("C01"));
        mvc.perform(put("/api/v1/branches/" + b + "/counters/C01/state").with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"PAUSED\"}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/branches/" + b + "/counters/C02/state").with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"PAUSED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PAUSED"));
        issue(b, "A");
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(as(Role.TELLER)))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/branches/" + b + "/queue").with(as(Role.LOBBY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.waiting.A[0].position").value(1))
                .andExpect(jsonPath("$.counters[0].counterCode").value("C01"))
                .andExpect(jsonPath("$.counters[0].current.status").value("SERVING"))
                .andExpect(jsonPath("$.counters[1].state").value("PAUSED"));
    }

    @Test
    void aTellerOfAnotherBranchCannotCallOrActHere() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        issue(b, "A");
        StaffPrincipal other = principal(Scope.branch("B999"), Role.TELLER);
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(other)))
                .andExpect(status().isForbidden());
        long id = callNext(b, "C01", Role.TELLER).get("id").asLong();
        mvc.perform(post("/api/v1/tickets/" + id + "/recall").with(as(other))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/branches/" + b + "/queue").with(as(other))).andExpect(status().isForbidden());
        StaffPrincipal own = principal(Scope.branch(b), Role.TELLER);
        mvc.perform(post("/api/v1/tickets/" + id + "/recall").with(as(own))).andExpect(status().isOk());
    }

    @Test
    void onlyConsoleRolesCallNext() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.ANALYST)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next")).andExpect(status().isUnauthorized());
        Set<Role> none = Set.of();
        assertThat(none).isEmpty();
    }
}
