package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssueRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
@RecordApplicationEvents
class QueueingApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TicketService tickets;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    ApplicationEvents events;

    private JsonNode issue(String branch, String body, Role role) throws Exception {
        var req = post("/api/v1/branches/" + branch + "/tickets").contentType(MediaType.APPLICATION_JSON).content(body);
        if (role != null) {
            req.with(as(role));
        }
        MvcResult r = mvc.perform(req).andExpect(status().isCreated()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    // ---- configuration

    @Test
    void servicesListCodesPrefixesWaitingCountsAndEstimates() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        issue(b, "{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\"}", Role.LOBBY_MANAGER);
        issue(b, "{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\"}", Role.LOBBY_MANAGER);
        mvc.perform(get("/api/v1/branches/" + b + "/services").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("A"))
                .andExpect(jsonPath("$[0].prefix").value("A"))
                .andExpect(jsonPath("$[0].nameZh").value("现金业务"))
                .andExpect(jsonPath("$[0].waiting").value(2))
                .andExpect(jsonPath("$[0].counters").value(2))
                .andExpect(jsonPath("$[0].estimatedWait.p50Seconds").value(greaterThan(0)))
                .andExpect(jsonPath("$[0].estimatedWait.p90Seconds").value(greaterThan(0)))
                .andExpect(jsonPath("$[1].estimatedWait.p50Seconds").value(0))
                .andExpect(jsonPath("$[1].code").value("B"))
                .andExpect(jsonPath("$[1].waiting").value(0));
    }

    @Test
    void adminUpdatesAServiceAndTheMatrixAndEveryChangeIsAudited() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(put("/api/v1/branches/" + b + "/services/B").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"nameZh":"非现金","nameEn":"Non-cash services","zoneCode":"Z03","prefix":"B",
                                 "targetWaitMinutes":20,"expectedServiceMinutes":7,"active":false}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameEn").value("Non-cash services"))
                .andExpect(jsonPath("$.expectedServiceSeconds").value(420))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/branches/" + b + "/counter-services").with(as(Role.LOBBY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].counterCode").value("C02"))
                .andExpect(jsonPath("$[1].services[0].serviceCode").value("A"))
                .andExpect(jsonPath("$[1].services[1].serviceCode").value("B"))
                .andExpect(jsonPath("$[1].services[1].preference").value(2));
        assertThat(jdbc.sql("select count(*) from audit_record where action like 'queueing.%' and target like :t")
                .param("t", "%:" + b + "/%").query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aTakenPrefixIsRefusedNamingTheField() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(post("/api/v1/branches/" + b + "/services").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"X","nameZh":"外汇","nameEn":"FX","zoneCode":"Z05","prefix":"A",
                                 "targetWaitMinutes":15,"expectedServiceMinutes":5}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("prefix")));
        mvc.perform(post("/api/v1/branches/" + b + "/services").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"X","nameZh":"外汇","nameEn":"FX","zoneCode":"Z05","prefix":"abc",
                                 "targetWaitMinutes":15,"expectedServiceMinutes":5}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("prefix")));
        mvc.perform(put("/api/v1/branches/" + b + "/counter-services/C03").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCodes\":[\"A\",\"Q\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("serviceCodes")));
    }

    @Test
    void configurationIsScopedByBranchAndChangedOnlyByAdmins() throws Exception {
        mvc.perform(get("/api/v1/branches/B001/services").with(as(principal(Scope.branch("B002"), Role.TELLER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/branches/B001/services").with(as(principal(Scope.branch("B001"), Role.TELLER))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", hasItem("V")));
        mvc.perform(put("/api/v1/branches/B001/counter-services/C01").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCodes\":[\"A\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/branches/B001/counter-services/C01")
                        .with(as(principal(Scope.branch("B002"), Role.ADMIN)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCodes\":[\"A\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/branches/B001/services")).andExpect(status().isUnauthorized());
    }

    @Test
    void demoBranchesHaveTheirServicesAndAMatrixOverOrganizationsCounters() {
        for (String b : List.of("B001", "B002", "B003", "B101")) {
            assertThat(jdbc.sql("select code from queue_service_type where branch_code = :b order by code").param("b", b)
                    .query(String.class).list()).containsExactly("A", "B", "C", "D", "V");
            assertThat(jdbc.sql("""
                    select count(*) from queue_counter_service q
                    where q.branch_code = :b and not exists
                      (select 1 from org_counter c where c.branch_code = q.branch_code and c.code = q.counter_code)""")
                    .param("b", b).query(Long.class).single()).isZero();
        }
    }

    // ---- taking a ticket

    @Test
    void takingATicketAnswers201WithNumberPositionEstimateAndToken() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        JsonNode first = issue(b, "{\"serviceCode\":\"B\",\"channel\":\"KIOSK\"}", null);
        assertThat(first.get("number").asString()).isEqualTo("B001");
        assertThat(first.get("serviceCode").asString()).isEqualTo("B");
        assertThat(first.get("position").asInt()).isEqualTo(1);
        assertThat(first.get("estimatedWait").get("p50Seconds").asLong()).isZero();
        assertThat(first.get("statusToken").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.get("id").asLong()).isPositive();

        JsonNode second = issue(b, "{\"serviceCode\":\"B\",\"channel\":\"MOBILE\"}", null);
        assertThat(second.get("number").asString()).isEqualTo("B002");
        assertThat(second.get("position").asInt()).isEqualTo(2);
        assertThat(second.get("estimatedWait").get("p50Seconds").asLong()).isPositive();
        assertThat(second.get("estimatedWait").get("p90Seconds").asLong())
                .isGreaterThan(second.get("estimatedWait").get("p50Seconds").asLong());

        long id = first.get("id").asLong();
        assertThat(jdbc.sql("select type from queue_ticket_event where ticket_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("ISSUED");
        assertThat(events.stream(TicketIssued.class).filter(e -> e.ticketId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.number()).isEqualTo("B001");
                    assertThat(e.branchCode()).isEqualTo(b);
                    assertThat(e.channel()).isEqualTo("KIOSK");
                    assertThat(e.priorityClass()).isEqualTo("ORDINARY");
                });
    }

    @Test
    void numbersAreGaplessAndUniqueUnderConcurrentIssuing() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<List<String>> worker = () -> {
                    List<String> numbers = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        numbers.add(tickets.issue(b, new IssueRequest("A", null, null, null, Channel.KIOSK, null)).number());
                    }
                    return numbers;
                };
                futures.add(pool.submit(worker));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 200).mapToObj(i -> "A%03d".formatted(i)).toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(distinct status_token) from queue_ticket where branch_code = :b").param("b", b)
                .query(Long.class).single()).isEqualTo(200);
    }

    @Test
    void aRolledBackIssueGivesItsNumberBack() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        TransactionTemplate tx = new TransactionTemplate(txManager);
        String rolledBack = tx.execute(s -> {
            String n = tickets.issue(b, new IssueRequest("A", null, null, null, Channel.KIOSK, null)).number();
            s.setRollbackOnly();
            return n;
        });
        assertThat(rolledBack).isEqualTo("A001");
        assertThat(tickets.issue(b, new IssueRequest("A", null, null, null, Channel.KIOSK, null)).number()).isEqualTo("A001");
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheFirstTicket() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String body = "{\"serviceCode\":\"A\",\"channel\":\"MOBILE\"}";
        JsonNode first = JSON.readTree(mvc.perform(post("/api/v1/branches/" + b + "/tickets").header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        JsonNode replay = JSON.readTree(mvc.perform(post("/api/v1/branches/" + b + "/tickets").header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(replay.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(replay.get("number").asString()).isEqualTo("A001");
        assertThat(replay.get("statusToken").asString()).isEqualTo(first.get("statusToken").asString());
        assertThat(jdbc.sql("select count(*) from queue_ticket where branch_code = :b").param("b", b)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(issue(b, body, null).get("number").asString()).isEqualTo("A002");
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"B\",\"channel\":\"MOBILE\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void unknownBranchOrServiceIs404AndBadInputNamesTheField() throws Exception {
        mvc.perform(post("/api/v1/branches/NOSUCH1/tickets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/branches/B001/tickets").with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceCode\":\"ZZ\",\"channel\":\"KIOSK\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/branches/B001/tickets").with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"KIOSK\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("serviceCode")));
        mvc.perform(post("/api/v1/branches/B001/tickets").with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("channel")));
        mvc.perform(post("/api/v1/branches/B001/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\",\"customerId\":1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("customerId")));
        mvc.perform(post("/api/v1/branches/B001/tickets").with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\",\"customerId\":987654321}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("customerId")));
    }

    @Test
    void aLobbyManagerIssuesOnlyInTheirBranchAndForANamedCustomerGivesPriority() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(principal(Scope.branch("B001"), Role.LOBBY_MANAGER)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isForbidden());
        long vip = jdbc.sql("select min(id) from customer where segment = 'VIP'").query(Long.class).single();
        JsonNode t = issue(b, "{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\",\"customerId\":" + vip + "}",
                Role.LOBBY_MANAGER);
        assertThat(jdbc.sql("select priority_class from queue_ticket where id = :id").param("id", t.get("id").asLong())
                .query(String.class).single()).isIn("VIP", "PREFERENTIAL");
    }

    // ---- status and cancel by token

    @Test
    void statusByTokenIsPublicAndCancelEndsTheWait() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        // B has one counter (C02): with one ahead of it, the second waits for that service (A's two free counters would not)
        JsonNode first = issue(b, "{\"serviceCode\":\"B\",\"channel\":\"KIOSK\"}", null);
        JsonNode second = issue(b, "{\"serviceCode\":\"B\",\"channel\":\"KIOSK\"}", null);
        String token = second.get("statusToken").asString();
        mvc.perform(get("/api/v1/tickets/status/" + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value("B002"))
                .andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.serviceCode").value("B"))
                .andExpect(jsonPath("$.position").value(2))
                .andExpect(jsonPath("$.estimatedWait.p50Seconds").value(greaterThan(0)))
                .andExpect(jsonPath("$.issuedAt", matchesPattern(".*T.*(Z|[+-]\\d\\d:\\d\\d)$")));

        mvc.perform(post("/api/v1/tickets/status/" + first.get("statusToken").asString() + "/cancel"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(get("/api/v1/tickets/status/" + token)).andExpect(jsonPath("$.position").value(1));
        mvc.perform(post("/api/v1/tickets/status/" + first.get("statusToken").asString() + "/cancel"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select type from queue_ticket_event where ticket_id = :id order by id")
                .param("id", first.get("id").asLong()).query(String.class).list()).containsExactly("ISSUED", "CANCELLED");
        assertThat(events.stream(TicketCancelled.class).filter(e -> e.ticketId() == first.get("id").asLong())).hasSize(1);
    }

    @Test
    void anUnknownOrMalformedTokenIs404() throws Exception {
        mvc.perform(get("/api/v1/tickets/status/" + "x".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tickets/status/short")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tickets/status/short/cancel")).andExpect(status().isNotFound());
    }

    @Test
    void anAnonymousClientOverItsRateLimitGets429ButStaffAndOtherClientsDoNot() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String body = "{\"serviceCode\":\"B\",\"channel\":\"MOBILE\"}";
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(r -> { r.setRemoteAddr("198.51.100.7"); return r; })
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(r -> { r.setRemoteAddr("198.51.100.7"); return r; })
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("urn:fuwu:problem:too-many-tickets"));
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(r -> { r.setRemoteAddr("198.51.100.8"); return r; })
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(r -> { r.setRemoteAddr("198.51.100.7"); return r; })
                .with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from queue_ticket where branch_code = :b").param("b", b)
                .query(Long.class).single()).isEqualTo(22);
    }

    @Test
    void theCreatedTicketIsLocatedAtItsStatus() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/tickets/status/[A-Za-z0-9_-]{43}")));
    }
}
