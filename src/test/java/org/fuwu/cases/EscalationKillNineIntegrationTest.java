package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.SecondInstance;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Escalations are durable timers that fire exactly once, even across a {@code kill -9}, and never for a closed case.
 *
 * <p>A second JVM runs the application on the same PostgreSQL database with its escalation poller on (small batches,
 * so the work takes a while). This JVM opens inquiries received 30 days ago (all their first-response and resolution
 * escalations are due), some closed before the second JVM starts and some closed while it fires. Mid-way the second
 * JVM gets {@code kill -9}; a third one is started on the same database and finishes. Then every due escalation of the
 * open cases has fired exactly once (one escalation, one timeline line and one audit record per timer), none fired for
 * a case closed before, and none after its closure for a case closed meanwhile.
 *
 * <p>PostgreSQL only: an in-memory H2 database cannot be shared with a second process.
 */
@FuwuIntegrationTest
@EnabledIfEnvironmentVariable(named = "FUWU_TEST_DATABASE_URL", matches = "jdbc:postgresql:.*",
        disabledReason = "needs PostgreSQL (FUWU_TEST_DATABASE_URL): a second JVM cannot share the in-memory H2 database")
class EscalationKillNineIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private long open(Instant receivedAt) throws Exception {
        String body = mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"INQUIRY\",\"summary\":\"kill -9\",\"channel\":\"API\",\"contactMobile\":\"13912345678\","
                                + "\"receivedAt\":\"" + receivedAt + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asLong();
    }

    private void close(long id) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/close").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
    }

    private int count(String sql, List<Long> ids) {
        return jdbc.sql(sql).param("ids", ids).query(Integer.class).single();
    }

    @Test
    void dueEscalationsFireExactlyOnceAcrossAKillNineAndNeverForAClosedCase() throws Exception {
        Instant received = Instant.now().minus(Duration.ofDays(30));
        List<Long> open = new ArrayList<>();
        List<Long> closedBefore = new ArrayList<>();
        List<Long> closedDuring = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            open.add(open(received));
        }
        for (int i = 0; i < 5; i++) {
            long id = open(received);
            close(id);
            closedBefore.add(id);
        }
        for (int i = 0; i < 5; i++) {
            closedDuring.add(open(received));
        }
        List<Long> all = new ArrayList<>(open);
        all.addAll(closedBefore);
        all.addAll(closedDuring);

        SecondInstance first = start("escalation-kill-nine-first");
        SecondInstance second = null;
        try {
            first.awaitReady();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count("select count(*) from case_escalation where case_id in (:ids)", all) < 15 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            for (long id : closedDuring) {
                close(id);
            }
            first.killNine(); // SIGKILL: no shutdown hook, an open transaction is cut
            int firedBeforeKill = count("select count(*) from case_escalation where case_id in (:ids)", open);
            assertThat(firedBeforeKill).as("escalations fired before the kill").isPositive();
            int duePending = count("select count(*) from case_timer where case_id in (:ids) and status = 'PENDING'", open);
            assertThat(duePending).as("the kill came mid-way: due escalations were left").isPositive();

            second = start("escalation-kill-nine-second");
            second.awaitReady();
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while ((count("select count(*) from case_timer where case_id in (:ids) and status = 'PENDING'", open) > 0
                    || count("select count(*) from case_timer where case_id in (:ids) and status = 'PENDING'", closedDuring) > 0)
                    && System.nanoTime() < until) {
                Thread.sleep(200);
            }
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }

        assertThat(count("select count(*) from case_timer where case_id in (:ids) and status = 'PENDING' and due_at <= current_timestamp",
                open)).as("every due escalation fired").isZero();
        Map<Long, int[]> perCase = new HashMap<>();
        for (long id : open) {
            int timers = jdbc.sql("select count(*) from case_timer where case_id = :c and status = 'FIRED'").param("c", id)
                    .query(Integer.class).single();
            int escalations = jdbc.sql("select count(*) from case_escalation where case_id = :c").param("c", id).query(Integer.class).single();
            int lines = jdbc.sql("select count(*) from case_event where case_id = :c and kind = 'ESCALATED'").param("c", id)
                    .query(Integer.class).single();
            int audits = jdbc.sql("""
                    select (select count(*) from audit_record where action = 'cases.case.escalate' and target = :t)
                         + (select count(*) from audit_pending where action = 'cases.case.escalate' and target = :t)""")
                    .param("t", "case:" + id).query(Integer.class).single();
            perCase.put(id, new int[]{timers, escalations, lines, audits});
        }
        perCase.forEach((id, n) -> {
            assertThat(n[0]).as("case %d: the default rules' first-response and resolution escalations fired", id)
                    .isGreaterThanOrEqualTo(5);
            assertThat(n[1]).as("case %d: one escalation per fired timer", id).isEqualTo(n[0]);
            assertThat(n[2]).as("case %d: one timeline line per escalation", id).isEqualTo(n[0]);
            assertThat(n[3]).as("case %d: one audit record per escalation", id).isEqualTo(n[0]);
        });
        assertThat(count("select count(*) from case_escalation where case_id in (:ids)", closedBefore))
                .as("a case closed before never escalates").isZero();
        assertThat(count("""
                select count(*) from case_escalation e join case_file f on f.id = e.case_id
                where e.case_id in (:ids) and e.fired_at >= f.closed_at""", closedDuring))
                .as("no escalation after the closure").isZero();
        List<Long> closed = new ArrayList<>(closedBefore);
        closed.addAll(closedDuring);
        assertThat(count("select count(*) from case_timer where case_id in (:ids) and status = 'PENDING'", closed))
                .as("a closed case keeps no pending timer").isZero();
    }

    /** The application in a JVM of its own on the test's PostgreSQL database, its escalation poller on, in small batches. */
    private static SecondInstance start(String name) throws java.io.IOException {
        return SecondInstance.start(name, "--fuwu.queueing.schedule.jobs-enabled=false", "--fuwu.contact.outbox.poll=1h",
                "--fuwu.cases.escalation.poll=100ms", "--fuwu.cases.escalation.batch=2", "--fuwu.cases.escalation.sweep=1h");
    }
}
