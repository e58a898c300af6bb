package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lobby manager (issue 3, point 8): the overview with waits against target and the early warning
 * with the counter to open, priority overrides with a reason (audited), reassigning a waiting ticket,
 * taking a ticket on a customer's behalf, and the page.
 */
@FuwuIntegrationTest
@RecordApplicationEvents
class LobbyManagerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private RequestPostProcessor manager(String b) {
        return as(principal(Scope.branch(b), Role.LOBBY_MANAGER));
    }

    private long issueAt(String b, String service, int minutesAgo) throws Exception {
        String body = mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(manager(b))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"" + service + "\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = JSON.readTree(body).get("id").asLong();
        jdbc.sql("update queue_ticket set issued_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minusSeconds(60L * minutesAgo))).param("id", id).update();
        return id;
    }

    private JsonNode overview(String b) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/branches/" + b + "/lobby-overview").with(manager(b)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void closeCounter(String b, String counter) throws Exception {
        mvc.perform(put("/api/v1/branches/" + b + "/counters/" + counter + "/state").with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"CLOSED\"}"))
                .andExpect(status().isOk());
    }

    private static JsonNode queue(JsonNode overview, String service) {
        for (JsonNode zone : overview.get("zones")) {
            for (JsonNode q : zone) {
                if (q.get("service").get("code").asString().equals(service)) {
                    return q;
                }
            }
        }
        throw new AssertionError("no queue " + service);
    }

    @Test
    void aQueueThatWillRunOverItsTargetAlertsBeforeAnyoneWaitedTooLongAndNamesTheCounterToOpen() throws Exception {
        String b = QueueingTestSupport.lobby(mvc); // A: 4 min, target 15; C01 (A), C02 (A, B)
        closeCounter(b, "C02");
        for (int i = 0; i < 6; i++) {
            issueAt(b, "A", 5);
        }
        JsonNode o = overview(b);
        JsonNode a = queue(o, "A");
        assertThat(a.get("waiting").asInt()).isEqualTo(6);
        assertThat(a.get("openCounters").asInt()).isEqualTo(1);
        assertThat(a.get("assessment").get("longestWaitSeconds").asLong()).isBetween(290L, 900L);
        assertThat(a.get("assessment").get("level").asString()).isEqualTo("PREDICTED");
        assertThat(a.get("assessment").get("projectedP50Seconds").asLong()).isGreaterThan(15 * 60);
        assertThat(o.get("alerts")).hasSize(1);
        JsonNode alert = o.get("alerts").get(0);
        assertThat(alert.get("serviceCode").asString()).isEqualTo("A");
        assertThat(alert.get("level").asString()).isEqualTo("PREDICTED");
        assertThat(alert.get("noCounterOpen").asBoolean()).isFalse();
        JsonNode suggestion = alert.get("suggestion");
        assertThat(suggestion.get("counterCode").asString()).isEqualTo("C02");
        assertThat(suggestion.get("state").asString()).isEqualTo("CLOSED");
        assertThat(suggestion.get("withP50Seconds").asLong()).isLessThan(suggestion.get("nowP50Seconds").asLong());
        // B has nobody waiting and is within its target
        assertThat(queue(o, "B").get("assessment").get("level").asString()).isEqualTo("OK");

        // someone over the target: a breach, the worst first
        jdbc.sql("update queue_ticket set issued_at = :at where branch_code = :b and number = 'A001'")
                .param("at", Timestamp.from(Instant.now().minusSeconds(20 * 60))).param("b", b).update();
        assertThat(overview(b).get("alerts").get(0).get("level").asString()).isEqualTo("BREACHED");

        // opening the suggested counter from the page
        mvc.perform(post("/lobby/" + b + "/counters/C02/open").with(manager(b)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "Counter C02 is open."));
        assertThat(queue(overview(b), "A").get("openCounters").asInt()).isEqualTo(2);
    }

    @Test
    void withNoCounterOpenAWaitingQueueAlertsAndTheFirstCounterToOpenIsNamed() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        closeCounter(b, "C01");
        closeCounter(b, "C02");
        issueAt(b, "B", 1);
        JsonNode alert = overview(b).get("alerts").get(0);
        assertThat(alert.get("serviceCode").asString()).isEqualTo("B");
        assertThat(alert.get("noCounterOpen").asBoolean()).isTrue();
        assertThat(alert.get("suggestion").get("counterCode").asString()).isEqualTo("C02");
        assertThat(alert.get("suggestion").get("nowP50Seconds").asLong()).isEqualTo(-1);
    }

    @Test
    void aShortQueueRaisesNoAlert() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        issueAt(b, "A", 1);
        JsonNode o = overview(b);
        assertThat(o.get("alerts")).isEmpty();
        assertThat(queue(o, "A").get("assessment").get("level").asString()).isIn("OK", "WATCH");
        assertThat(o.get("counters")).hasSize(2);
    }

    @Test
    void aPriorityOverrideNeedsAReasonIsAuditedKeepsTheNoteEncryptedAndChangesWhoIsCalledNext() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long first = issueAt(b, "A", 10);
        long second = issueAt(b, "A", 5);
        mvc.perform(post("/api/v1/tickets/" + second + "/priority").with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"PREFERENTIAL\",\"reason\":\"PREGNANT\",\"note\":\"王女士 怀孕 7 个月\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priorityClass").value("PREFERENTIAL"));
        // strict priority (the default): the preferential ticket goes first
        String called = mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(called).get("id").asLong()).isEqualTo(second);

        Map<String, Object> override = jdbc.sql("select from_class, to_class, reason, note_enc from queue_priority_override"
                + " where ticket_id = :t").param("t", second).query().singleRow();
        assertThat(override).containsEntry("from_class", "ORDINARY").containsEntry("to_class", "PREFERENTIAL")
                .containsEntry("reason", "PREGNANT");
        assertThat((String) override.get("note_enc")).isNotBlank().doesNotContain("王").doesNotContain("怀孕");
        List<Map<String, Object>> audit = jdbc.sql("select outcome, details from audit_record where action = :a and target = :t")
                .param("a", "queueing.priority.override").param("t", "ticket:" + second).query().listOfRows();
        assertThat(audit).hasSize(1);
        assertThat(String.valueOf(audit.get(0).get("details"))).contains("PREGNANT").contains("PREFERENTIAL")
                .doesNotContain("王");
        assertThat(jdbc.sql("select count(*) from queue_ticket_event where ticket_id = :t and type = 'PRIORITY_CHANGED'")
                .param("t", second).query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(TicketPriorityChanged.class).filter(e -> e.ticketId() == second)).singleElement()
                .satisfies(e -> assertThat(e.toClass()).isEqualTo("PREFERENTIAL"));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anOverrideIsRefusedClearlyForBadInputTheWrongStateAndTheWrongRole() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long t = issueAt(b, "A", 1);
        String url = "/api/v1/tickets/" + t + "/priority";
        mvc.perform(post(url).with(manager(b)).contentType(MediaType.APPLICATION_JSON).content("{\"priorityClass\":\"VIP\"}"))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
        mvc.perform(post(url).with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"APPOINTMENT\",\"reason\":\"CORRECTION\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", hasItem("priorityClass")));
        mvc.perform(post(url).with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"VIP\",\"reason\":\"OTHER\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", hasItem("note")));
        mvc.perform(post(url).with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"VIP\",\"reason\":\"CORRECTION\",\"note\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.errors[*].field", hasItem("note")));
        mvc.perform(post(url).with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"NOBLE\",\"reason\":\"CORRECTION\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post(url).with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"ORDINARY\",\"reason\":\"CORRECTION\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post(url).with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"VIP\",\"reason\":\"VIP_CONFIRMED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).with(as(principal(Scope.branch("B001"), Role.LOBBY_MANAGER)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"priorityClass\":\"VIP\",\"reason\":\"VIP_CONFIRMED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tickets/999999999/priority").with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"VIP\",\"reason\":\"VIP_CONFIRMED\"}"))
                .andExpect(status().isNotFound());
        // once called, it no longer waits
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER))).andExpect(status().isOk());
        mvc.perform(post(url).with(manager(b)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"priorityClass\":\"VIP\",\"reason\":\"VIP_CONFIRMED\"}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select priority_class from queue_ticket where id = :id").param("id", t).query(String.class)
                .single()).isEqualTo("ORDINARY");
        assertThat(jdbc.sql("select count(*) from queue_priority_override where ticket_id = :id").param("id", t)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLobbyManagerReassignsAWaitingTicketToOneCounter() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long early = issueAt(b, "A", 10);
        long late = issueAt(b, "A", 2);
        mvc.perform(post("/lobby/" + b + "/tickets/" + late + "/transfer").with(manager(b)).with(csrf())
                        .param("serviceCode", "A").param("targetCounter", "C02").param("position", "FRONT"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
        assertThat(jdbc.sql("select status || '/' || target_counter from queue_ticket where id = :id").param("id", late)
                .query(String.class).single()).isEqualTo("WAITING/C02");
        assertThat(jdbc.sql("select details from queue_ticket_event where ticket_id = :id and type = 'TRANSFERRED'")
                .param("id", late).query(String.class).single()).isEqualTo("from=A;to=A@C02;position=FRONT");
        // C01 no longer sees it; C02 calls it before the earlier ticket
        String c01 = mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(c01).get("id").asLong()).isEqualTo(early);
        String c02 = mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(c02).get("id").asLong()).isEqualTo(late);
    }

    @Test
    void thePageShowsTheLobbyInBothLanguagesAndTakesATicketOnACustomersBehalf() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        issueAt(b, "A", 3);
        mvc.perform(get("/lobby/" + b).with(manager(b)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"queue-A\""), containsString("id=\"queue-B\""),
                        containsString("Early warnings"), containsString("Take a ticket for a customer"),
                        containsString("id=\"counter-C01\""), containsString("/api/v1/branches/" + b + "/events"),
                        containsString("a new arrival is served at once"))));
        mvc.perform(get("/lobby/" + b).with(manager(b)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("预警"), containsString("代客取号"))));
        // one branch in scope: the chooser goes straight to it
        mvc.perform(get("/lobby").with(manager(b))).andExpect(status().is3xxRedirection());

        mvc.perform(post("/lobby/" + b + "/tickets").with(manager(b)).with(csrf()).header("Accept-Language", "en")
                        .param("serviceCode", "B").param("requestKey", "k-" + b))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "Ticket B001 taken; 1 in the queue."))
                .andExpect(flash().attributeExists("issuedToken"));
        assertThat(jdbc.sql("select channel from queue_ticket where branch_code = :b and number = 'B001'").param("b", b)
                .query(String.class).single()).isEqualTo("LOBBY_MANAGER");
        // a refusal is a message, not an error page
        mvc.perform(post("/lobby/" + b + "/tickets").with(manager(b)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("managerError", "Choose a service."));
        // tellers and other branches' managers have no lobby page
        mvc.perform(get("/lobby/" + b).with(as(Role.TELLER)).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        mvc.perform(get("/lobby/" + b).with(as(principal(Scope.branch("B001"), Role.LOBBY_MANAGER))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void theBranchCountersApiShowsTheServicesEachServesAndItsState() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(post("/api/v1/branches/" + b + "/zones").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"Z01\",\"nameZh\":\"现金区\",\"nameEn\":\"Cash\",\"kind\":\"SMALL_CASH\"}"))
                .andExpect(status().isCreated());
        for (String c : List.of("C01", "C02", "C09")) {
            mvc.perform(post("/api/v1/branches/" + b + "/counters").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"code\":\"%s\",\"number\":\"%s\",\"zoneCode\":\"Z01\",\"kind\":\"NORMAL\"}"
                            .formatted(c, c.substring(2).replaceFirst("^0", "")))).andExpect(status().isCreated());
        }
        closeCounter(b, "C02");
        String body = mvc.perform(get("/api/v1/branches/" + b + "/counters").with(manager(b)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode items = JSON.readTree(body).get("items");
        java.util.Map<String, JsonNode> byCode = new java.util.HashMap<>();
        items.forEach(c -> byCode.put(c.get("code").asString(), c));
        assertThat(byCode.get("C01").get("services").toString()).isEqualTo("[\"A\"]");
        assertThat(byCode.get("C01").get("state").asString()).isEqualTo("OPEN");
        assertThat(byCode.get("C02").get("services").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(byCode.get("C02").get("state").asString()).isEqualTo("CLOSED");
        // a counter outside the lobby's matrix has no services or state
        assertThat(byCode.get("C09").get("services").isNull()).isTrue();
        assertThat(byCode.get("C09").get("number").asString()).isEqualTo("9");
    }

    @Test
    void badInputOnThePagesIsAClearRefusalNeverAServerError() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long t = issueAt(b, "A", 1);
        mvc.perform(get("/lobby/NOPE1").with(as(Role.ADMIN)).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(post("/lobby/" + b + "/tickets/abc/transfer").with(manager(b)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/lobby/" + b + "/tickets/999999999/priority").with(manager(b)).with(csrf())
                .param("priorityClass", "VIP").param("reason", "CORRECTION")).andExpect(status().isNotFound());
        mvc.perform(post("/lobby/" + b + "/tickets/" + t + "/priority").with(manager(b)).with(csrf())
                .param("priorityClass", "NOBLE").param("reason", "CORRECTION")).andExpect(status().isBadRequest());
        // a missing reason comes back as a message on the page, and nothing changed
        mvc.perform(post("/lobby/" + b + "/tickets/" + t + "/priority").with(manager(b)).with(csrf())
                        .header("Accept-Language", "en").param("priorityClass", "VIP"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("managerError", "Give the reason for the change."));
        mvc.perform(post("/lobby/" + b + "/tickets/" + t + "/transfer").with(manager(b)).with(csrf())
                        .header("Accept-Language", "en").param("serviceCode", "ZZ"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("managerError"));
        mvc.perform(post("/lobby/" + b + "/counters/C77/open").with(manager(b)).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select priority_class || '/' || service_code from queue_ticket where id = :id").param("id", t)
                .query(String.class).single()).isEqualTo("ORDINARY/A");
    }
}
