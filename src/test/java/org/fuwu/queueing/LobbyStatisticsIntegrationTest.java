package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.queueing.internal.LobbyStatisticsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics and estimate-accuracy endpoints over tickets made through the API in a fresh branch:
 * the figures, the CSV export (and its audit record), parameter checks (422 naming the field) and scope.
 */
@FuwuIntegrationTest
class LobbyStatisticsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private long issue(String b, String service) throws Exception {
        return json(mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"" + service + "\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    private long callNext(String b, String counter) throws Exception {
        return json(mvc.perform(post("/api/v1/branches/" + b + "/counters/" + counter + "/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andReturn()).get("id").asLong();
    }

    private void act(long id, String action, String body) throws Exception {
        var req = post("/api/v1/tickets/" + id + "/" + action).with(as(Role.TELLER));
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        mvc.perform(req).andExpect(status().isOk());
    }

    /**
     * A fresh branch where today A had 3 tickets (2 served, 1 no-show, all at C01) and B had 1 ticket,
     * cancelled in the queue.
     */
    private String lobbyWithADay() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        long a1 = issue(b, "A");
        long a2 = issue(b, "A");
        long a3 = issue(b, "A");
        long b1 = issue(b, "B");
        assertThat(callNext(b, "C01")).isEqualTo(a1);
        act(a1, "start", null);
        act(a1, "complete", "{\"outcome\":\"DONE\"}");
        assertThat(callNext(b, "C01")).isEqualTo(a2);
        act(a2, "start", null);
        act(a2, "complete", "{\"outcome\":\"DONE\"}");
        assertThat(callNext(b, "C01")).isEqualTo(a3);
        act(a3, "no-show", null);
        act(b1, "cancel", null);
        return b;
    }

    private static JsonNode byKey(JsonNode rows, String key) {
        for (JsonNode r : rows) {
            if (r.get("key").asString().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    @Test
    void aDayOfTicketsGivesArrivalsServedNoShowsCancellationsTargetsAndAccuracy() throws Exception {
        String b = lobbyWithADay();
        JsonNode report = json(mvc.perform(get("/api/v1/branches/" + b + "/statistics").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn());
        assertThat(report.get("granularity").asString()).isEqualTo("DAY");
        assertThat(report.get("by").asString()).isEqualTo("SERVICE");
        assertThat(report.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(report.get("from").asString()).isEqualTo(today.toString());

        JsonNode a = byKey(report.get("totals"), "A");
        assertThat(a.get("arrivals").asLong()).isEqualTo(3);
        assertThat(a.get("called").asLong()).isEqualTo(3);
        assertThat(a.get("served").asLong()).isEqualTo(2);
        assertThat(a.get("noShows").asLong()).isEqualTo(1);
        assertThat(a.get("noShowRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(a.get("withinTargetRate").asDouble()).isEqualTo(1.0); // waits of moments against a 15-minute target
        assertThat(a.get("cancellations").asLong()).isZero();
        assertThat(a.get("waitP90Seconds").asLong()).isLessThan(60);
        assertThat(a.get("serviceMeanSeconds").asLong()).isLessThan(60);
        assertThat(a.get("accuracyCount").asLong()).isEqualTo(3);

        JsonNode bRow = byKey(report.get("totals"), "B");
        assertThat(bRow.get("arrivals").asLong()).isEqualTo(1);
        assertThat(bRow.get("called").asLong()).isZero();
        assertThat(bRow.get("cancellations").asLong()).isEqualTo(1);
        assertThat(bRow.get("noShowRate").isNull()).isTrue();

        // one period (today) per service
        assertThat(report.get("rows")).hasSize(2);
        assertThat(byKey(report.get("rows"), "A").get("day").asString()).isEqualTo(today.toString());

        // the accuracy, computed here independently from the stored predictions and first calls
        List<long[]> pairs = jdbc.sql("""
                select t.predicted_p50_seconds, t.predicted_p90_seconds, t.issued_at,
                    (select min(e.occurred_at) from queue_ticket_event e where e.ticket_id = t.id and e.type = 'CALLED')
                from queue_ticket t where t.branch_code = :b and t.service_code = 'A'""").param("b", b)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2),
                        Duration.between(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()).getSeconds()})
                .list();
        double mae = pairs.stream().mapToDouble(p -> Math.abs(p[2] - p[0])).average().orElseThrow();
        double under = pairs.stream().filter(p -> p[2] > p[1]).count() / 3.0;
        assertThat(a.get("meanAbsoluteErrorSeconds").asLong()).isEqualTo(Math.round(mae));
        assertThat(a.get("underPredictionRate").asDouble()).isCloseTo(under, within(1e-9));

        JsonNode accuracy = json(mvc.perform(get("/api/v1/branches/" + b + "/estimate-accuracy")
                        .param("from", today.toString()).param("to", today.toString()).with(as(Role.QUALITY_MANAGER)))
                .andExpect(status().isOk()).andReturn());
        assertThat(accuracy.get("days")).hasSize(1);
        assertThat(accuracy.get("days").get(0).get("day").asString()).isEqualTo(today.toString());
        assertThat(accuracy.get("days").get(0).get("calledTickets").asLong()).isEqualTo(3);
        assertThat(accuracy.get("total").get("meanAbsoluteErrorSeconds").asLong()).isEqualTo(Math.round(mae));
        assertThat(accuracy.get("total").get("underPredictionRate").asDouble()).isCloseTo(under, within(1e-9));
    }

    @Test
    void byCounterTellerBranchAndHour() throws Exception {
        String b = lobbyWithADay();
        JsonNode counters = json(mvc.perform(get("/api/v1/branches/" + b + "/statistics").param("by", "COUNTER")
                .with(as(Role.SUPERVISOR))).andExpect(status().isOk()).andReturn()).get("totals");
        assertThat(byKey(counters, "C01").get("arrivals").asLong()).isEqualTo(3);
        assertThat(byKey(counters, "C01").get("served").asLong()).isEqualTo(2);
        assertThat(byKey(counters, "-").get("cancellations").asLong()).isEqualTo(1); // never called

        JsonNode tellers = json(mvc.perform(get("/api/v1/branches/" + b + "/statistics").param("by", "teller")
                .with(as(Role.AUDITOR))).andExpect(status().isOk()).andReturn()).get("totals");
        assertThat(byKey(tellers, "test-teller").get("served").asLong()).isEqualTo(2);

        JsonNode hours = json(mvc.perform(get("/api/v1/branches/" + b + "/statistics").param("by", "BRANCH")
                .param("granularity", "hour").with(as(Role.RISK_ANALYST))).andExpect(status().isOk()).andReturn());
        long arrivals = 0;
        for (JsonNode r : hours.get("rows")) {
            assertThat(r.get("key").asString()).isEqualTo(b);
            assertThat(r.get("hour").asInt()).isBetween(0, 23);
            arrivals += r.get("arrivals").asLong();
        }
        assertThat(arrivals).isEqualTo(4);
        assertThat(byKey(hours.get("totals"), b).get("arrivals").asLong()).isEqualTo(4);
    }

    @Test
    void csvExportHasTheHeaderAndOneLinePerRowAndIsAudited() throws Exception {
        String b = lobbyWithADay();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        MvcResult r = mvc.perform(get("/api/v1/branches/" + b + "/statistics.csv").with(as(Role.LOBBY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn();
        List<String> lines = Arrays.asList(r.getResponse().getContentAsString().split("\n"));
        assertThat(lines.get(0)).isEqualTo(LobbyStatisticsService.CSV_HEADER);
        assertThat(lines).hasSize(3);
        String a = lines.stream().filter(l -> l.contains(",SERVICE,A,")).findFirst().orElseThrow();
        Map<String, String> cells = cells(lines.get(0), a);
        assertThat(cells).containsEntry("branch", b).containsEntry("day", today.toString()).containsEntry("hour", "")
                .containsEntry("arrivals", "3").containsEntry("called", "3").containsEntry("served", "2")
                .containsEntry("no_shows", "1").containsEntry("no_show_rate", "0.3333")
                .containsEntry("within_target_rate", "1.0000").containsEntry("cancellations", "0");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'queueing.statistics.export' and target = :t")
                .param("t", "branch:" + b).query(Long.class).single()).isEqualTo(1);

        // the same with Accept: text/csv on the statistics resource
        MvcResult negotiated = mvc.perform(get("/api/v1/branches/" + b + "/statistics").param("by", "COUNTER")
                        .accept("text/csv").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn();
        String[] counterLines = negotiated.getResponse().getContentAsString().split("\n");
        assertThat(counterLines[0]).isEqualTo(LobbyStatisticsService.CSV_HEADER);
        assertThat(Arrays.stream(counterLines).filter(l -> l.contains(",COUNTER,C01,3,3,"))).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'queueing.statistics.export' and target = :t")
                .param("t", "branch:" + b).query(Long.class).single()).isEqualTo(2);
    }

    private static Map<String, String> cells(String header, String line) {
        String[] names = header.split(",", -1);
        String[] values = line.split(",", -1);
        assertThat(values).hasSameSizeAs(names);
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return m;
    }

    @Test
    void badParametersAre422NamingTheField() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String url = "/api/v1/branches/" + b + "/statistics";
        mvc.perform(get(url).param("from", "2026-13-01").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", hasItem("from")));
        mvc.perform(get(url).param("to", "yesterday").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", hasItem("to")));
        mvc.perform(get(url).param("from", "2026-11-10").param("to", "2026-11-01").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", hasItem("from")));
        mvc.perform(get(url).param("from", "2026-01-01").param("to", "2026-04-03").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", hasItem("to")));
        mvc.perform(get(url).param("from", "2026-01-01").param("to", "2026-04-03").with(as(Role.ANALYST)))
                .andExpect(jsonPath("$.errors[0].message", containsString("92")));
        mvc.perform(get(url).param("from", "2026-01-01").param("to", "2026-04-02").with(as(Role.ANALYST)))
                .andExpect(status().isOk()); // 92 days: Jan 31 + Feb 28 + Mar 31 + 2
        mvc.perform(get(url).param("granularity", "WEEK").param("by", "ZONE").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("granularity")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("by")));
        mvc.perform(get(url + ".csv").param("from", "x").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get(url).param("from", "x").accept("text/csv").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/branches/" + b + "/estimate-accuracy").param("to", "2026-02-30").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", hasItem("to")));
        mvc.perform(get("/api/v1/branches/NOPE42/statistics").with(as(Role.ANALYST))).andExpect(status().isNotFound());
    }

    @Test
    void onlyStaffOfTheBranchInTheStatisticsRolesReadIt() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String url = "/api/v1/branches/" + b + "/statistics";
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).with(as(Role.TELLER))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(principal(Scope.branch("B001"), Role.LOBBY_MANAGER)))).andExpect(status().isForbidden());
        mvc.perform(get(url + ".csv").with(as(principal(Scope.branch("B001"), Role.LOBBY_MANAGER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/branches/" + b + "/estimate-accuracy")
                .with(as(principal(Scope.branch("B001"), Role.LOBBY_MANAGER)))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(principal(Scope.branch(b), Role.LOBBY_MANAGER)))).andExpect(status().isOk());
        mvc.perform(get("/queueing/branches/" + b + "/statistics").with(as(principal(Scope.branch("B001"), Role.LOBBY_MANAGER))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'queueing.statistics.export' and target = :t")
                .param("t", "branch:" + b).query(Long.class).single()).isZero();
    }

    @Test
    void thePageShowsTheTablesTheAccuracyAndTheCsvLinkInBothLanguages() throws Exception {
        String b = lobbyWithADay();
        String html = mvc.perform(get("/queueing/branches/" + b + "/statistics").param("lang", "en").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"stats-total-A\"", "id=\"stats-accuracy\"", "id=\"stats-csv\"",
                "/api/v1/branches/" + b + "/statistics.csv?from=", "Lobby statistics");
        String zh = mvc.perform(get("/queueing/branches/" + b + "/statistics").param("lang", "zh-CN")
                        .param("granularity", "HOUR").param("by", "TELLER").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("网点排队统计", "test-teller");
        String bad = mvc.perform(get("/queueing/branches/" + b + "/statistics").param("from", "2026-99-01").param("lang", "en")
                        .with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"from-error\"", "Enter a date as YYYY-MM-DD.");
        mvc.perform(get("/queueing/statistics").with(as(Role.ANALYST))).andExpect(status().isOk());
        mvc.perform(get("/queueing/statistics").with(as(principal(Scope.branch(b), Role.LOBBY_MANAGER))))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theEstimateAtIssueUsesRecentServiceTimesAndTheOpenCounters() throws Exception {
        String b = QueueingTestSupport.lobby(mvc); // B is served by C02 only
        // six 30-minute B services yesterday at this hour: the recent service time of B
        java.time.Instant yesterday = java.time.Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 6; i++) {
            java.time.Instant issued = yesterday.minusSeconds(60L * i);
            jdbc.sql("""
                    insert into queue_ticket (branch_code, service_code, business_day, prefix, seq, number, status,
                        priority_class, channel, status_token, predicted_p50_seconds, predicted_p90_seconds, issued_at,
                        started_at, closed_at)
                    values (:b, 'B', :d, 'B', :seq, :n, 'COMPLETED', 'ORDINARY', 'KIOSK', :tok, 0, 0, :at, :at, :closed)""")
                    .param("b", b).param("d", LocalDate.now().minusDays(1)).param("seq", 900 + i).param("n", "B" + (900 + i))
                    .param("tok", QueueingTestSupport.uniqueCode("stat-token-" + b + "-" + i))
                    .param("at", Timestamp.from(issued)).param("closed", Timestamp.from(issued.plusSeconds(1800))).update();
        }
        JsonNode first = json(mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"B\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn());
        assertThat(first.get("estimatedWait").get("p50Seconds").asLong()).isZero(); // C02 is open and free
        JsonNode second = json(mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"B\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn());
        // one ahead, one counter: the wait is one recent B service, 30 minutes (not the configured 6)
        assertThat(second.get("estimatedWait").get("p50Seconds").asLong()).isEqualTo(1800);
        assertThat(second.get("estimatedWait").get("p90Seconds").asLong()).isEqualTo(1800);
        // the stored prediction is what the customer was told
        assertThat(jdbc.sql("select predicted_p50_seconds from queue_ticket where id = :id")
                .param("id", second.get("id").asLong()).query(Long.class).single()).isEqualTo(1800);

        // C02 calls the first: busy now; the second is next, and waits for a residual of a 30-minute service
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(as(Role.TELLER))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/tickets/status/" + second.get("statusToken").asString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.position").value(1))
                .andExpect(jsonPath("$.estimatedWait.p50Seconds").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThan(0), org.hamcrest.Matchers.lessThanOrEqualTo(1800))));
    }
}
