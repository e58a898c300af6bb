package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.SecondInstance;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.CounterConsoleService.ConsoleView;
import org.fuwu.queueing.internal.TicketLifecycle.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Point 12 of the lobby: a ticket acknowledged to a customer is never lost, numbers stay unique and
 * gapless, and two instances never hand one ticket to two counters, even when one instance is killed
 * with SIGKILL under load.
 *
 * <p>A second JVM runs the application on the same PostgreSQL database. Customers take tickets from
 * it over HTTP, and tellers call, start and complete there (over HTTP, with a machine token) and on
 * this JVM (through the service) at the same time. Mid-load the second JVM gets {@code kill -9}. Then
 * every ticket it answered 201 for must be in the database with its number, the numbers of every
 * prefix must run 1..max without a hole, and no ticket may have been called twice.
 *
 * <p>PostgreSQL only: an in-memory H2 database cannot be shared with a second process.
 */
@FuwuIntegrationTest
@EnabledIfEnvironmentVariable(named = "FUWU_TEST_DATABASE_URL", matches = "jdbc:postgresql:.*",
        disabledReason = "needs PostgreSQL (FUWU_TEST_DATABASE_URL): a second JVM cannot share the in-memory H2 database")
class KillNineReliabilityIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CounterConsoleService console;

    /** The first answer of each status other than 201 to a customer, to explain a failed run. */
    private final Map<Integer, String> refusals = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Issued(long id, String number) {
    }

    record Call(long ticketId, String counter, String instance) {
    }

    @Test
    void acknowledgedTicketsSurviveAKillNineAndNoTicketIsCalledTwice() throws Exception {
        String b = QueueingTestSupport.lobby(mvc); // services A and B; C01 (A), C02 (A, B)
        for (String c : List.of("C01", "C02", "C03", "C04")) {
            QueueingTestSupport.counter(mvc, b, c, "[\"A\",\"B\"]");
        }
        String token = machineToken(b);
        SecondInstance child = SecondInstance.start("kill-nine-second-instance",
                "--fuwu.queueing.anonymous-issues-per-window=1000000",
                // the test takes tickets at any hour of the real clock, and its branch has no opening hours
                "--fuwu.queueing.schedule.enforce-opening-hours=false",
                "--fuwu.queueing.schedule.jobs-enabled=false");
        ExecutorService pool = Executors.newCachedThreadPool();
        // cleared in finally too, so no load loop outlives a failed assertion
        AtomicBoolean childLoad = new AtomicBoolean(true);
        AtomicBoolean localLoad = new AtomicBoolean(true);
        try {
            child.awaitReady();
            String base = child.base();

            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
            List<Future<?>> childWork = new ArrayList<>();
            List<Future<?>> localWork = new ArrayList<>();
            // customers at the second instance's kiosks
            for (int i = 0; i < 6; i++) {
                String service = i % 2 == 0 ? "A" : "B";
                childWork.add(pool.submit(() -> issueLoop(base, b, service, acknowledged, childLoad)));
            }
            // tellers on the second instance, over HTTP
            for (String c : List.of("C01", "C02")) {
                childWork.add(pool.submit(() -> remoteTellerLoop(base, b, c, token, calls, childLoad)));
            }
            // tellers on this instance, through the service, calling at the same moments
            for (String c : List.of("C03", "C04")) {
                localWork.add(pool.submit(() -> localTellerLoop(b, c, calls, localLoad)));
            }

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while ((acknowledged.size() < 300 || calls.size() < 60) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            int ackedBeforeKill = acknowledged.size();
            child.killNine();
            childLoad.set(false);
            for (Future<?> f : childWork) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(ackedBeforeKill).as("tickets acknowledged under load before the kill (refused: %s)", refusals).isGreaterThan(50);

            // the surviving instance goes on calling until nobody waits
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (waiting(b) > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            localLoad.set(false);
            for (Future<?> f : localWork) {
                f.get(30, TimeUnit.SECONDS);
            }

            // 1. every acknowledged ticket is stored, with the number the customer was told
            Map<Long, String> stored = new HashMap<>();
            jdbc.sql("select id, number from queue_ticket where branch_code = :b").param("b", b)
                    .query(rs -> {
                        stored.put(rs.getLong(1), rs.getString(2));
                    });
            assertThat(acknowledged).isNotEmpty();
            acknowledged.forEach((id, number) -> assertThat(stored.get(id)).as("ticket " + id).isEqualTo(number));

            // 2. numbers per prefix and day: unique and 1..max without a hole
            for (String prefix : List.of("A", "B")) {
                List<Integer> seqs = jdbc.sql("""
                        select seq from queue_ticket where branch_code = :b and prefix = :p order by seq""")
                        .param("b", b).param("p", prefix).query(Integer.class).list();
                assertThat(seqs).isNotEmpty();
                for (int i = 0; i < seqs.size(); i++) {
                    assertThat(seqs.get(i)).as("number %d of prefix %s", i + 1, prefix).isEqualTo(i + 1);
                }
                int last = jdbc.sql("select last_number from queue_number_counter where branch_code = :b and prefix = :p")
                        .param("b", b).param("p", prefix).query(Integer.class).single();
                assertThat(last).isEqualTo(seqs.size());
            }

            // 3. no ticket was handed to two counters: not by the answers, not in the database
            List<Long> calledIds = calls.stream().map(Call::ticketId).toList();
            assertThat(calledIds).doesNotHaveDuplicates();
            assertThat(calls.stream().map(Call::instance).distinct()).contains("second", "surviving");
            Map<Long, String> counterOf = new HashMap<>();
            jdbc.sql("select id, counter_code from queue_ticket where branch_code = :b and counter_code is not null")
                    .param("b", b).query(rs -> {
                        counterOf.put(rs.getLong(1), rs.getString(2));
                    });
            for (Call c : calls) {
                assertThat(counterOf.get(c.ticketId())).as("counter of ticket " + c.ticketId()).isEqualTo(c.counter());
            }
            List<Long> calledTwice = jdbc.sql("""
                    select e.ticket_id from queue_ticket_event e join queue_ticket t on t.id = e.ticket_id
                    where t.branch_code = :b and e.type = 'CALLED' group by e.ticket_id having count(*) > 1""")
                    .param("b", b).query(Long.class).list();
            assertThat(calledTwice).isEmpty();
            System.out.printf("kill -9 reliability: %d tickets acknowledged before the kill (%d in all), %d stored,"
                    + " %d calls (%d on the killed instance)%n", ackedBeforeKill, acknowledged.size(), stored.size(),
                    calls.size(), calls.stream().filter(c -> c.instance().equals("second")).count());
        } finally {
            childLoad.set(false);
            localLoad.set(false);
            pool.shutdownNow();
            child.close();
        }
    }

    // ---- the load

    private void issueLoop(String base, String b, String service, Map<Long, String> acknowledged, AtomicBoolean go) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/branches/" + b + "/tickets"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\":\"" + service + "\",\"channel\":\"KIOSK\"}"))
                .build();
        while (go.get()) {
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    JsonNode t = JSON.readTree(r.body());
                    acknowledged.put(t.get("id").asLong(), t.get("number").asString());
                } else {
                    refusals.putIfAbsent(r.statusCode(), r.body());
                }
            } catch (IOException e) {
                pause(); // the instance is gone (killed): no answer, so nothing was acknowledged
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void remoteTellerLoop(String base, String b, String counter, String token, ConcurrentLinkedQueue<Call> calls,
                                  AtomicBoolean go) {
        while (go.get()) {
            try {
                HttpResponse<String> r = http.send(staff(base + "/api/v1/branches/" + b + "/counters/" + counter
                        + "/call-next", token, null), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    long id = JSON.readTree(r.body()).get("id").asLong();
                    calls.add(new Call(id, counter, "second"));
                    http.send(staff(base + "/api/v1/tickets/" + id + "/start", token, null),
                            HttpResponse.BodyHandlers.ofString());
                    http.send(staff(base + "/api/v1/tickets/" + id + "/complete", token, "{\"outcome\":\"DONE\"}"),
                            HttpResponse.BodyHandlers.ofString());
                } else {
                    pause();
                }
            } catch (IOException e) {
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static HttpRequest staff(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void localTellerLoop(String b, String counter, ConcurrentLinkedQueue<Call> calls, AtomicBoolean go) {
        StaffPrincipal teller = principal(Scope.branch(b), Role.TELLER);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(teller, null, List.of()));
        try {
            while (go.get()) {
                Optional<ConsoleView> t = console.callNext(b, counter);
                if (t.isEmpty()) {
                    pause();
                    continue;
                }
                long id = t.get().id();
                calls.add(new Call(id, counter, "surviving"));
                console.start(id);
                console.complete(id, Outcome.DONE);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load stopped", e);
        }
    }

    private long waiting(String b) {
        return jdbc.sql("select count(*) from queue_ticket where branch_code = :b and status = 'WAITING'")
                .param("b", b).query(Long.class).single();
    }

    // ---- the second instance

    private String machineToken(String b) throws Exception {
        String body = mvc.perform(post("/api/v1/admin/tokens").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"reliability-%s","roles":["TELLER"],"scopeLevel":"BRANCH","scopeCode":"%s"}"""
                                .formatted(b.toLowerCase(java.util.Locale.ROOT), b)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("token").asString();
    }
}

