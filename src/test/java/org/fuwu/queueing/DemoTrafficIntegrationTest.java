package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.customer.CustomerDirectory;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.queueing.demo.DemoTraffic;
import org.fuwu.queueing.demo.TrafficPolicy;
import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.TicketService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo traffic, sped up (a high arrival rate, durations at a small pace), on a fresh branch:
 * customers get tickets and simulated tellers call, recall, serve, transfer and complete them
 * through the real services, audited as {@code demo-traffic}, on the counters nobody has taken only.
 */
@FuwuIntegrationTest
class DemoTrafficIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TicketService tickets;

    @Autowired
    CounterConsoleService console;

    @Autowired
    LobbyConfigService config;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    Clock clock;

    private void takeCounter(String branch, String counter, StaffPrincipal person) throws Exception {
        mvc.perform(put("/api/v1/branches/" + branch + "/counters/" + counter + "/state").with(as(person))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"OPEN\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void customersArriveAndSimulatedTellersServeThemOnFreeCountersOnly() throws Exception {
        String b = QueueingTestSupport.lobby(mvc); // C01 (A), C02 (A, B)
        QueueingTestSupport.counter(mvc, b, "C03", "[\"A\",\"B\"]");
        QueueingTestSupport.counter(mvc, b, "C04", "[\"B\",\"A\"]");
        StaffPrincipal person = principal(Scope.branch(b), Role.TELLER);
        takeCounter(b, "C02", person); // a real teller works at C02 from the start

        // 3 arrivals a second; services of 4-6 minutes at pace 0.002 take about half a second
        TrafficPolicy fast = new TrafficPolicy(3 * 3600, 0.2, 0.1, 0.25, 0.2, 0.1, 0.002);
        DemoTraffic traffic = new DemoTraffic(tickets, console, config, customers, clock, fast, List.of(b), Set.of(),
                new Random(2026));
        Instant takenAt;
        traffic.start(Duration.ofMillis(20));
        try {
            // the simulation runs in real time: wait for what it must have done, not for a fixed time,
            // so that a slow machine runs it longer instead of failing
            awaitUntil(Duration.ofSeconds(30), () -> count("select count(*) from queue_ticket where branch_code = :b"
                    + " and counter_code = 'C03'", b) >= 2);
            takeCounter(b, "C03", person); // a person sits down at C03: the simulation lets go of it
            takenAt = Instant.now();
            Thread.sleep(3_000);
            awaitUntil(Duration.ofSeconds(40), () -> {
                DemoTraffic.Counts c = traffic.counts();
                return c.issued() >= 15 && c.completed() >= 5 && c.noShows() > 0
                        && jdbc.sql("select count(distinct priority_class) from queue_ticket where branch_code = :b"
                        + " and priority_class in ('ORDINARY', 'VIP', 'PREFERENTIAL')").param("b", b)
                        .query(Long.class).single() == 3
                        && jdbc.sql("select count(distinct e.type) from queue_ticket_event e join queue_ticket t"
                        + " on t.id = e.ticket_id where t.branch_code = :b and e.type in ('RECALLED', 'NO_SHOW')")
                        .param("b", b).query(Long.class).single() == 2;
            });
        } finally {
            traffic.stop();
        }

        DemoTraffic.Counts counts = traffic.counts();
        long issued = count("select count(*) from queue_ticket where branch_code = :b", b);
        assertThat(issued).isGreaterThanOrEqualTo(15).isEqualTo(counts.issued());
        long completed = count("select count(*) from queue_ticket where branch_code = :b and status = 'COMPLETED'", b);
        assertThat(completed).isGreaterThanOrEqualTo(5).isEqualTo(counts.completed());
        assertThat(count("select count(*) from queue_ticket where branch_code = :b and status = 'NO_SHOW'", b))
                .isEqualTo(counts.noShows());
        assertThat(counts.noShows()).isPositive();

        // every step went through the services as the simulated teller: ticket events and the audit log
        List<String> types = jdbc.sql("""
                select distinct e.type from queue_ticket_event e join queue_ticket t on t.id = e.ticket_id
                where t.branch_code = :b and e.actor = 'demo-traffic'""").param("b", b).query(String.class).list();
        assertThat(types).contains("ISSUED", "CALLED", "RECALLED", "STARTED", "COMPLETED", "NO_SHOW");
        assertThat(jdbc.sql("select count(*) from queue_ticket_event e join queue_ticket t on t.id = e.ticket_id"
                        + " where t.branch_code = :b and e.actor <> 'demo-traffic'").param("b", b).query(Long.class).single())
                .isZero();
        List<String> audited = jdbc.sql("""
                select distinct a.action from audit_record a join queue_ticket t on a.target = concat('ticket:', t.id)
                where t.branch_code = :b and a.actor = 'demo-traffic'""").param("b", b).query(String.class).list();
        assertThat(audited).contains("queueing.ticket.issue", "queueing.ticket.call", "queueing.ticket.start",
                "queueing.ticket.complete", "queueing.ticket.noShow");
        // VIP and preferential customers come from the demo customers
        assertThat(jdbc.sql("select distinct priority_class from queue_ticket where branch_code = :b")
                .param("b", b).query(String.class).list()).contains("ORDINARY", "VIP", "PREFERENTIAL");

        // never at the real teller's counter; at C03 only until the person took it
        assertThat(count("select count(*) from queue_ticket where branch_code = :b and counter_code = 'C02'", b)).isZero();
        assertThat(jdbc.sql("""
                select count(*) from queue_ticket_event e join queue_ticket t on t.id = e.ticket_id
                where t.branch_code = :b and e.type = 'CALLED' and e.details like 'counter=C03;%' and e.occurred_at > :at""")
                .param("b", b).param("at", Timestamp.from(takenAt.plusMillis(1000))).query(Long.class).single()).isZero();
        Map<String, String> tellers = jdbc.sql("select counter_code, teller from queue_counter_state where branch_code = :b")
                .param("b", b).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(tellers).containsEntry("C01", "demo-traffic").containsEntry("C04", "demo-traffic")
                .containsEntry("C02", person.username()).containsEntry("C03", person.username());

        // the numbers stay gapless per prefix
        for (String prefix : List.of("A", "B")) {
            List<Integer> seqs = jdbc.sql("select seq from queue_ticket where branch_code = :b and prefix = :p order by seq")
                    .param("b", b).param("p", prefix).query(Integer.class).list();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).isEqualTo(i + 1);
            }
        }
    }

    private static void awaitUntil(Duration max, java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return; // the assertions below say what is missing
            }
            Thread.sleep(100);
        }
    }

    private long count(String sql, String branch) {
        return jdbc.sql(sql).param("b", branch).query(Long.class).single();
    }
}
