package org.fuwu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.SecondInstance;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.Media;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.staff.internal.StaffAccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Point 8 of the contact centre: a chat the customer was told was started is never lost, a restart loses
 * no queued work item and no item's waiting age, and two instances never offer one item to two agents.
 *
 * <p>A second JVM runs the application on the same PostgreSQL database. Customers start chats there
 * over HTTP and write in them, while both instances run routing rounds (each every second, and after
 * each change) over the agents that work on this JVM. Mid-way the second JVM gets {@code kill -9}, with
 * chats still waiting. This instance then serves the rest. Every chat answered 201 must exist with the
 * customer's message, keep the time it was queued (its waiting age), be served, never have been offered
 * to two agents at once nor accepted twice, and no agent may ever hold more than their capacity.
 *
 * <p>PostgreSQL only: an in-memory H2 database cannot be shared with a second process.
 */
@FuwuIntegrationTest
@EnabledIfEnvironmentVariable(named = "FUWU_TEST_DATABASE_URL", matches = "jdbc:postgresql:.*",
        disabledReason = "needs PostgreSQL (FUWU_TEST_DATABASE_URL): a second JVM cannot share the in-memory H2 database")
class ContactKillNineIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CAPACITY = 2;

    @Autowired
    StaffAccountService staff;

    @Autowired
    QueueAdmin queues;

    @Autowired
    AgentWork work;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A chat as its customer was told: the id, and the moments just before the request and just after the answer. */
    record Acknowledged(long id, String token, Instant before, Instant after) {
    }

    @Test
    void acknowledgedChatsSurviveAKillNineWithTheirWaitingAgeAndNoneIsOfferedTwice() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("cards", 1));
        List<StaffPrincipal> team = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StaffPrincipal a = ContactTestSupport.agent(staff, "重启" + ContactTestSupport.unique(), Map.of("lang-zh", 3, "cards", 2));
            work.configure(a.accountId(), java.util.Set.of(q), Map.of(Media.CHAT, CAPACITY));
            team.add(a);
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicBoolean customersGo = new AtomicBoolean(true);
        AtomicBoolean agentsGo = new AtomicBoolean(true);
        Map<Long, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        Map<Long, String> overCapacity = new ConcurrentHashMap<>();
        SecondInstance child = SecondInstance.start("contact-kill-nine-second-instance",
                "--fuwu.contact.anonymous-starts-per-window=1000000",
                "--fuwu.queueing.schedule.jobs-enabled=false");
        try {
            child.awaitReady();
            String base = child.base();
            List<Future<?>> customers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                customers.add(pool.submit(() -> customerLoop(base, q, acknowledged, customersGo)));
            }
            // the agents come to work while customers arrive: rounds of both instances offer to them
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 10 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            List<Future<?>> agents = new ArrayList<>();
            for (StaffPrincipal a : team) {
                work.setPresence(a, "AVAILABLE");
                agents.add(pool.submit(() -> agentLoop(a, q, overCapacity, agentsGo)));
            }
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((acknowledged.size() < 40 || served(q) < 6) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            child.killNine();
            customersGo.set(false);
            for (Future<?> f : customers) {
                f.get(30, TimeUnit.SECONDS);
            }
            int waitingAtKill = waiting(q);
            assertThat(served(q)).as("chats served before the kill").isGreaterThan(0);
            assertThat(waitingAtKill).as("chats still waiting when the instance died").isGreaterThan(0);

            // the surviving instance serves what is left
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((waiting(q) > 0 || open(q) > 0) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            agentsGo.set(false);
            for (Future<?> f : agents) {
                f.get(30, TimeUnit.SECONDS);
            }

            // 1. every acknowledged chat is stored with the customer's message, and was served
            Map<Long, String> status = new HashMap<>();
            Map<Long, Instant> queuedAt = new HashMap<>();
            jdbc.sql("select id, status, queued_at from contact_conversation where queue_code = :q").param("q", q)
                    .query(rs -> {
                        status.put(rs.getLong(1), rs.getString(2));
                        queuedAt.put(rs.getLong(1), rs.getTimestamp(3).toInstant());
                    });
            assertThat(acknowledged).hasSizeGreaterThan(10);
            for (Acknowledged a : acknowledged.values()) {
                assertThat(status.get(a.id())).as("chat %d", a.id()).isEqualTo("ENDED");
                assertThat(jdbc.sql("select count(*) from contact_event where conversation_id = :c and kind = 'MESSAGE'"
                        + " and author_kind = 'CUSTOMER'").param("c", a.id()).query(Integer.class).single())
                        .as("the customer's message in chat %d", a.id()).isGreaterThanOrEqualTo(1);
                // 2. the waiting age: queued when the customer asked, not when an instance (re)started
                assertThat(queuedAt.get(a.id())).as("queued at of chat %d", a.id())
                        .isBetween(a.before().minusMillis(5), a.after().plusMillis(5));
            }
            // 3. never offered to two agents at once, never accepted twice
            for (long id : status.keySet()) {
                List<Instant[]> offers = new ArrayList<>();
                List<String> outcomes = new ArrayList<>();
                jdbc.sql("select offered_at, resolved_at, outcome from contact_offer where conversation_id = :c order by offered_at, id")
                        .param("c", id).query(rs -> {
                            offers.add(new Instant[] {rs.getTimestamp(1).toInstant(),
                                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()});
                            outcomes.add(rs.getString(3));
                        });
                assertThat(outcomes.stream().filter("ACCEPTED"::equals)).as("acceptances of chat %d", id).hasSize(1);
                for (int i = 1; i < offers.size(); i++) {
                    Instant previousEnd = offers.get(i - 1)[1];
                    assertThat(previousEnd).as("offer %d of chat %d was resolved", i - 1, id).isNotNull();
                    assertThat(previousEnd).as("offer %d of chat %d ended before the next began", i - 1, id)
                            .isBeforeOrEqualTo(offers.get(i)[0]);
                }
            }
            // 4. no agent ever held more than their capacity
            assertThat(overCapacity).isEmpty();
            System.out.printf("contact kill -9: %d chats acknowledged, %d waiting at the kill, all served%n",
                    acknowledged.size(), waitingAtKill);
        } finally {
            customersGo.set(false);
            agentsGo.set(false);
            pool.shutdownNow();
            child.close();
        }
    }

    private void customerLoop(String base, String q, Map<Long, Acknowledged> acknowledged, AtomicBoolean go) {
        while (go.get()) {
            Instant before = Instant.now();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/chat/conversations"))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"language\":\"zh-CN\",\"name\":\"王先生\",\"topic\":\"" + q + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    pause(200);
                    continue;
                }
                JsonNode s = JSON.readTree(r.body());
                String token = s.get("token").asString();
                HttpResponse<String> m = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/chat/conversations/"
                                + token + "/messages")).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"我的卡被吞了\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (m.statusCode() == 201) {
                    // acknowledged only once the message is too: the test then asks that both survive
                    acknowledged.put(s.get("id").asLong(), new Acknowledged(s.get("id").asLong(), token, before, Instant.now()));
                }
                pause(150);
            } catch (IOException e) {
                pause(20); // the instance is gone: nothing acknowledged
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** An agent on this instance: accepts what is offered to them, answers, ends it a moment later and is ready again. */
    private void agentLoop(StaffPrincipal me, String q, Map<Long, String> overCapacity, AtomicBoolean go) {
        while (go.get()) {
            int holding = jdbc.sql("""
                    select count(*) from contact_conversation where queue_code = :q
                      and ((status = 'OFFERED' and offer_agent_id = :a) or (status = 'ASSIGNED' and agent_id = :a))""")
                    .param("q", q).param("a", me.accountId()).query(Integer.class).single();
            if (holding > CAPACITY) {
                overCapacity.put(me.accountId(), holding + " at " + Instant.now());
            }
            List<Long> offered = jdbc.sql("select id from contact_conversation where queue_code = :q and status = 'OFFERED'"
                    + " and offer_agent_id = :a").param("q", q).param("a", me.accountId()).query(Long.class).list();
            for (long id : offered) {
                try {
                    work.accept(me, id);
                    work.reply(me, id, "您好，马上为您处理。");
                    pause(100);
                    work.end(me, id, "resolved");
                    work.setPresence(me, "AVAILABLE"); // done with the after-contact work at once
                } catch (ConflictException lapsedOrTaken) {
                    // the offer lapsed before we took it: it goes to someone else
                }
            }
            pause(50);
        }
    }

    private int waiting(String q) {
        return jdbc.sql("select count(*) from contact_conversation where queue_code = :q and status in ('QUEUED', 'OFFERED')")
                .param("q", q).query(Integer.class).single();
    }

    private int open(String q) {
        return jdbc.sql("select count(*) from contact_conversation where queue_code = :q and status = 'ASSIGNED'")
                .param("q", q).query(Integer.class).single();
    }

    private int served(String q) {
        return jdbc.sql("select count(*) from contact_conversation where queue_code = :q and status = 'ENDED'")
                .param("q", q).query(Integer.class).single();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load stopped", e);
        }
    }
}
