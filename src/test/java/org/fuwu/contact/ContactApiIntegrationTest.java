package org.fuwu.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ContactRouting;
import org.fuwu.contact.internal.ConversationStatus;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.contact.internal.WallService;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.routing.SkillsRouter;
import org.fuwu.staff.internal.StaffAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
@RecordApplicationEvents
class ContactApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccountService staff;

    @Autowired
    QueueAdmin queues;

    @Autowired
    AgentWork work;

    @Autowired
    ContactRouting routing;

    @Autowired
    ConversationStore conversations;

    @Autowired
    WallService wall;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;

    private JsonNode start(String topic, String language) throws Exception {
        Map<String, String> in = new java.util.HashMap<>(Map.of("language", language, "name", "张三"));
        if (topic != null) {
            in.put("topic", topic);
        }
        String body = JSON.writeValueAsString(in);
        var r = mvc.perform(post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESS = new java.util.concurrent.atomic.AtomicInteger();

    /** A client address of its own, so that the anonymous start limit (10 a minute per address) is not shared. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor client() {
        int n = ADDRESS.incrementAndGet();
        return r -> {
            r.setRemoteAddr("10.77." + (n / 250) + "." + (n % 250 + 1));
            return r;
        };
    }

    private JsonNode json(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    /** Reads the customer's stream until a line matches, and answers every line read so far. */
    private CompletableFuture<String> customerStream(String token, java.util.function.Predicate<String> until) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chat/conversations/"
                + token + "/events")).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                String l;
                while ((l = r.readLine()) != null) {
                    seen.append(l).append('\n');
                    if (until.test(l)) {
                        return seen.toString();
                    }
                }
                return seen.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private long offeredTo(long conversationId) {
        return ContactTestSupport.offeredTo(routing, conversations, conversationId);
    }

    @Test
    void chatIsRoutedBySkillToTheAgentWhoHasItAndTheCustomerSeesTheAnswer() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("loans", 3));
        StaffPrincipal novice = ContactTestSupport.agent(staff, "新手" + ContactTestSupport.unique(),
                Map.of("lang-zh", 5, "loans", 2));
        StaffPrincipal senior = ContactTestSupport.agent(staff, "李娜" + ContactTestSupport.unique(),
                Map.of("lang-zh", 5, "loans", 4));
        for (StaffPrincipal a : List.of(novice, senior)) {
            work.configure(a.accountId(), java.util.Set.of(q), Map.of());
            mvc.perform(put("/api/v1/agents/me/presence").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"state\":\"AVAILABLE\"}")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.presence").value("AVAILABLE"));
        }
        JsonNode started = start(q, "zh-CN");
        long id = started.get("id").asLong();
        String token = started.get("token").asString();
        assertThat(token).hasSize(43);

        assertThat(offeredTo(id)).isEqualTo(senior.accountId());
        JsonNode offered = json(mvc.perform(get("/api/v1/conversations/" + id).with(as(senior))).andExpect(status().isOk()));
        assertThat(offered.at("/conversation/status").asString()).isEqualTo("OFFERED");
        assertThat(offered.at("/conversation/explanation").asString()).contains("loans 4 ≥ 3").contains(senior.displayName());
        // the novice cannot even see it
        mvc.perform(get("/api/v1/conversations/" + id).with(as(novice))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/conversations/" + id + "/accept").with(as(novice))).andExpect(status().isConflict());

        mvc.perform(post("/api/v1/chat/conversations/" + token + "/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"我想问贷款利率\"}")).andExpect(status().isCreated());
        JsonNode accepted = json(mvc.perform(post("/api/v1/conversations/" + id + "/accept").with(as(senior)))
                .andExpect(status().isOk()));
        assertThat(accepted.at("/conversation/status").asString()).isEqualTo("ASSIGNED");
        assertThat(accepted.get("agentName").asString()).isEqualTo(senior.displayName());
        assertThat(accepted.at("/conversation/customerName").asString()).isEqualTo("张*");
        assertThat(accepted.get("lines").toString()).contains("我想问贷款利率");
        assertThat(events.stream(ConversationAssigned.class).filter(e -> e.conversationId() == id)).hasSize(1);

        mvc.perform(post("/api/v1/conversations/" + id + "/messages").with(as(senior)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"您好，当前一年期贷款利率为3.1%\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/conversations/" + id + "/notes").with(as(senior)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"客户关心利率\"}")).andExpect(status().isCreated());
        JsonNode seen = json(mvc.perform(get("/api/v1/chat/conversations/" + token)).andExpect(status().isOk()));
        assertThat(seen.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(seen.get("agentName").asString()).isEqualTo(senior.displayName());
        assertThat(seen.get("lines").toString()).contains("3.1%").doesNotContain("客户关心利率");

        mvc.perform(post("/api/v1/conversations/" + id + "/end").with(as(senior)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"wrapUpCode\":\"nonsense\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("wrapUpCode"));
        JsonNode ended = json(mvc.perform(post("/api/v1/conversations/" + id + "/end").with(as(senior))
                .contentType(MediaType.APPLICATION_JSON).content("{\"wrapUpCode\":\"resolved\"}")).andExpect(status().isOk()));
        assertThat(ended.at("/conversation/status").asString()).isEqualTo("ENDED");
        assertThat(ended.get("wrapUpCode").asString()).isEqualTo("resolved");
        assertThat(events.stream(ConversationEnded.class).filter(e -> e.conversationId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("ENDED");
                    assertThat(e.wrapUpCode()).isEqualTo("resolved");
                    assertThat(e.agentId()).isEqualTo(senior.accountId());
                });
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"还在吗\"}")).andExpect(status().isConflict());
        // converted to a case, prefilled from the conversation
        JsonNode opened = json(mvc.perform(post("/api/v1/conversations/" + id + "/case").with(as(senior))
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"COMPLAINT\"}")).andExpect(status().isCreated()));
        assertThat(opened.get("number").asString()).startsWith("TS");
        JsonNode kase = json(mvc.perform(get("/api/v1/cases/" + opened.get("id").asLong()).with(as(org.fuwu.platform.Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk()));
        assertThat(kase.get("summary").asString()).contains("我想问贷款利率");
        assertThat(kase.get("channel").asString()).isEqualTo("WEB_CHAT");
        assertThat(kase.get("sourceConversationId").asLong()).isEqualTo(id);
        assertThat(json(mvc.perform(get("/api/v1/conversations/" + id).with(as(senior)))).get("lines").toString())
                .contains("case=" + opened.get("number").asString());
        mvc.perform(post("/api/v1/conversations/" + id + "/case").with(as(novice)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\"}")).andExpect(status().isNotFound());
        // the agent who ended their last conversation is in after-contact work until the timer or they are ready
        mvc.perform(get("/api/v1/agents/me").with(as(senior))).andExpect(jsonPath("$.presence").value("AFTER_CALL_WORK"));

        var line = wall.now().queues().stream().filter(l -> l.queue().code().equals(q)).findFirst().orElseThrow();
        assertThat(line.figures().answered()).isEqualTo(1);
        assertThat(line.figures().offered()).isEqualTo(1);
        assertThat(line.figures().waiting()).isZero();

        // the historical report counts it in its interval, and exports it
        JsonNode report = json(mvc.perform(get("/api/v1/contact/reports?grain=DAY").with(as(org.fuwu.platform.Role.SUPERVISOR)))
                .andExpect(status().isOk()));
        JsonNode row = null;
        for (JsonNode r : report) {
            if (q.equals(r.path("queue").asString(null))) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("offered").asInt()).isEqualTo(1);
        assertThat(row.get("answered").asInt()).isEqualTo(1);
        assertThat(row.get("handled").asInt()).isEqualTo(1);
        var csv = mvc.perform(get("/api/v1/contact/reports.csv?grain=HOUR").with(as(org.fuwu.platform.Role.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString()).startsWith("interval_start,queue,offered").contains("," + q + ",1,1,");
        mvc.perform(get("/api/v1/contact/reports?grain=WEEK").with(as(org.fuwu.platform.Role.SUPERVISOR)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("grain"));
        mvc.perform(get("/api/v1/contact/reports?from=2026-12-05&to=2026-12-01").with(as(org.fuwu.platform.Role.SUPERVISOR)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/contact/reports").with(as(org.fuwu.platform.Role.AGENT))).andExpect(status().isForbidden());
        mvc.perform(get("/supervisor/reports?grain=QUARTER_HOUR").with(as(org.fuwu.platform.Role.SUPERVISOR)))
                .andExpect(status().isOk());
    }

    @Test
    void aDeclinedOrLapsedOfferGoesToTheNextAgentAndNeverBackToTheFirst() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("cards", 3));
        StaffPrincipal first = ContactTestSupport.agent(staff, "甲" + ContactTestSupport.unique(), Map.of("lang-zh", 4, "cards", 3));
        StaffPrincipal second = ContactTestSupport.agent(staff, "乙" + ContactTestSupport.unique(), Map.of("lang-zh", 4, "cards", 3));
        StaffPrincipal third = ContactTestSupport.agent(staff, "丙" + ContactTestSupport.unique(), Map.of("lang-zh", 4, "cards", 3));
        for (StaffPrincipal a : List.of(first, second, third)) {
            work.configure(a.accountId(), java.util.Set.of(q), Map.of());
            work.setPresence(a, "AVAILABLE");
            Thread.sleep(5); // idle since: first, then second, then third
        }
        long id = start(q, "zh-CN").get("id").asLong();
        assertThat(offeredTo(id)).as("longest idle first").isEqualTo(first.accountId());
        mvc.perform(post("/api/v1/conversations/" + id + "/decline").with(as(first))).andExpect(status().isNoContent());
        assertThat(offeredTo(id)).isEqualTo(second.accountId());

        // the second lets it lapse
        jdbc.sql("update contact_conversation set offer_expires_at = :t where id = :id")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).param("id", id).update();
        assertThat(offeredTo(id)).isEqualTo(third.accountId());
        var offers = conversations.offersOf(id);
        assertThat(offers).extracting(ConversationStore.OfferRow::outcome).containsExactly("DECLINED", "TIMED_OUT", null);
        mvc.perform(post("/api/v1/conversations/" + id + "/accept").with(as(second))).andExpect(status().isConflict());
    }

    @Test
    void anAgentIsNeverOfferedMoreThanTheirCapacity() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("fx", 1));
        StaffPrincipal a = ContactTestSupport.agent(staff, "丁" + ContactTestSupport.unique(), Map.of("lang-zh", 3, "fx", 2));
        mvc.perform(put("/api/v1/contact/agents/" + a.accountId()).with(as(org.fuwu.platform.Role.SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"queues\":[\"" + q + "\"],\"capacity\":{\"CHAT\":2}}"))
                .andExpect(status().isOk());
        work.setPresence(a, "AVAILABLE");
        long c1 = start(q, "zh-CN").get("id").asLong();
        long c2 = start(q, "zh").get("id").asLong();
        long c3 = start(q, "zh-CN").get("id").asLong();
        for (int i = 0; i < 3; i++) {
            routing.round();
        }
        assertThat(List.of(c1, c2, c3).stream().map(id -> conversations.find(id).orElseThrow().status()))
                .containsExactly(ConversationStatus.OFFERED, ConversationStatus.OFFERED, ConversationStatus.QUEUED);
        work.accept(a, c1);
        work.accept(a, c2);
        routing.round();
        assertThat(conversations.find(c3).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
        work.end(a, c1, "info-given");
        work.setPresence(a, "AVAILABLE"); // ready before the after-contact-work timer (it still holds c2)
        assertThat(offeredTo(c3)).isEqualTo(a.accountId());
    }

    @Test
    void aSupervisorChangesAnAgentsSkillsAndRoutingFollows() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("fx", 3));
        StaffPrincipal a = ContactTestSupport.agent(staff, "技能" + ContactTestSupport.unique(), Map.of("lang-zh", 4));
        work.configure(a.accountId(), java.util.Set.of(q), Map.of());
        work.setPresence(a, "AVAILABLE");
        long id = start(q, "zh-CN").get("id").asLong();
        routing.round();
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
        mvc.perform(put("/api/v1/contact/agents/" + a.accountId() + "/skills").with(as(org.fuwu.platform.Role.SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"skills\":{\"lang-zh\":4,\"fx\":4}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.skills.fx").value(4));
        assertThat(offeredTo(id)).isEqualTo(a.accountId());
        mvc.perform(put("/api/v1/contact/agents/" + a.accountId() + "/skills").with(as(org.fuwu.platform.Role.SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"skills\":{\"no-such-skill\":4}}"))
                .andExpect(status().isUnprocessableContent());
        StaffPrincipal boss = ContactTestSupport.supervisor(staff);
        mvc.perform(put("/api/v1/contact/agents/" + boss.accountId() + "/skills").with(as(org.fuwu.platform.Role.SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"skills\":{\"loans\":4}}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/contact/agents/" + a.accountId() + "/skills").with(as(org.fuwu.platform.Role.AGENT))
                .contentType(MediaType.APPLICATION_JSON).content("{\"skills\":{\"loans\":5}}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTellerHandsACustomersMatterToTheContactCentreInTheirOneHistory() throws Exception {
        String mobile = org.fuwu.customer.CustomerFixtures.mobile();
        JsonNode customer = json(mvc.perform(post("/api/v1/customers").with(as(org.fuwu.platform.Role.TELLER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"赵柜台\",\"mobile\":\"" + mobile + "\"}"))
                .andExpect(status().isCreated()));
        long customerId = customer.get("id").asLong();
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("loans", 2));
        JsonNode c = json(mvc.perform(post("/api/v1/contact/branch-conversations").with(as(org.fuwu.platform.Role.TELLER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":" + customerId + ",\"topic\":\"" + q
                        + "\",\"text\":\"客户想了解提前还贷，请坐席回电\"}")).andExpect(status().isCreated()));
        assertThat(c.get("channel").asString()).isEqualTo("BRANCH");
        assertThat(c.get("verified").asBoolean()).isTrue();
        assertThat(c.get("customerName").asString()).isEqualTo("赵**");
        var stored = conversations.find(c.get("id").asLong()).orElseThrow();
        assertThat(stored.customerId()).isEqualTo(customerId);
        assertThat(stored.queueCode()).isEqualTo(q);
        assertThat(conversations.ofCustomer(customerId, 10)).extracting(org.fuwu.contact.internal.Conversation::id)
                .contains(stored.id());
        mvc.perform(post("/api/v1/contact/branch-conversations").with(as(org.fuwu.platform.Role.TELLER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":999999999,\"text\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        mvc.perform(post("/api/v1/contact/branch-conversations").with(as(org.fuwu.platform.Role.AGENT))
                .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":" + customerId + ",\"text\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    /**
     * Routing rounds running at once (as on two instances: each in its own transaction on its own
     * connection) serialise on the routing lock: no conversation is offered to two agents, and no agent
     * gets more than their capacity.
     */
    @Test
    void concurrentRoundsNeverOfferOneItemTwiceNorExceedCapacity() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("deposits", 1));
        List<StaffPrincipal> team = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StaffPrincipal a = ContactTestSupport.agent(staff, "并发" + ContactTestSupport.unique(), Map.of("lang-zh", 3, "deposits", 2));
            work.configure(a.accountId(), java.util.Set.of(q), Map.of(org.fuwu.routing.Media.CHAT, 2));
            team.add(a);
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(start(q, "zh-CN").get("id").asLong());
        }
        for (StaffPrincipal a : team) {
            work.setPresence(a, "AVAILABLE");
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    routing.round();
                }
            }));
        }
        for (var f : runs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        var offered = ids.stream().map(id -> conversations.find(id).orElseThrow()).filter(c -> c.status() == ConversationStatus.OFFERED).toList();
        assertThat(offered).hasSize(20);
        for (StaffPrincipal a : team) {
            assertThat(offered.stream().filter(c -> c.offerAgentId() == a.accountId())).hasSize(2);
        }
        for (long id : ids) {
            assertThat(jdbc.sql("select count(*) from contact_offer where conversation_id = :c").param("c", id)
                    .query(Integer.class).single()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theBanksAppServerStartsAChatForItsLoggedInUserWhoIsNeverAskedToVerify() throws Exception {
        String appUser = "app-" + ContactTestSupport.unique();
        long customerId = json(mvc.perform(post("/api/v1/customers").with(as(org.fuwu.platform.Role.TELLER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"钱应用\",\"mobile\":\""
                        + org.fuwu.customer.CustomerFixtures.mobile() + "\",\"appUserId\":\"" + appUser + "\",\"segment\":\"VIP\"}"))
                .andExpect(status().isCreated())).get("id").asLong();
        // anyone else naming an app user is refused
        mvc.perform(post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"zh-CN\",\"channel\":\"APP_CHAT\",\"appUserId\":\"" + appUser + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("appUserId"));
        JsonNode started = json(mvc.perform(post("/api/v1/chat/conversations").with(as(org.fuwu.platform.Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"zh-CN\",\"channel\":\"APP_CHAT\",\"appUserId\":\"" + appUser + "\"}"))
                .andExpect(status().isCreated()));
        var c = conversations.find(started.get("id").asLong()).orElseThrow();
        assertThat(c.customerId()).isEqualTo(customerId);
        assertThat(c.verified()).isTrue();
        assertThat(c.vip()).isTrue();
        mvc.perform(post("/api/v1/chat/conversations/" + started.get("token").asString() + "/verification")
                .contentType(MediaType.APPLICATION_JSON).content("{\"mobile\":\"13800138000\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/chat/conversations").with(as(org.fuwu.platform.Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"zh-CN\",\"appUserId\":\"nobody-" + ContactTestSupport.unique() + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("appUserId"));
    }

    @Test
    void aCustomerWhoLeavesBeforeAnAgentTakesItAbandons() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("wealth", 5));
        JsonNode s = start(q, "en");
        String token = s.get("token").asString();
        JsonNode left = json(mvc.perform(post("/api/v1/chat/conversations/" + token + "/leave")).andExpect(status().isOk()));
        assertThat(left.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(events.stream(ConversationEnded.class).filter(e -> e.conversationId() == s.get("id").asLong()))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("ABANDONED"));
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() throws Exception {
        mvc.perform(post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"fr\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"en\",\"topic\":\"no-such-queue\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("topic"));
        mvc.perform(post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());
        String token = start(null, "en").get("token").asString();
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"   \"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"" + "x".repeat(4001) + "\"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/chat/conversations/not-a-token")).andExpect(status().isNotFound());
        // a browser's EventSource asks for text/event-stream: an unknown token still gets its 404 problem
        mvc.perform(get("/api/v1/chat/conversations/" + "B".repeat(43) + "/events").accept("text/event-stream"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/chat/conversations/" + "A".repeat(43))).andExpect(status().isNotFound());
        StaffPrincipal a = ContactTestSupport.agent(staff, "戊" + ContactTestSupport.unique(), Map.of("lang-en", 3));
        mvc.perform(put("/api/v1/agents/me/presence").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"BUSY\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(get("/api/v1/conversations/999999999").with(as(a))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/contact/queues").with(as(org.fuwu.platform.Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"Bad Code\",\"nameZh\":\"\",\"nameEn\":\"x\",\"skills\":[{\"skill\":\"loans\",\"level\":9}]}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("skills"));
        // who may do what
        mvc.perform(get("/api/v1/contact/wall").with(as(org.fuwu.platform.Role.AGENT))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agents/me")).andExpect(status().isUnauthorized());
        assertThatThrownBy(() -> work.accept(a, 999_999_999L)).isInstanceOf(org.fuwu.platform.NotFoundException.class);
        mvc.perform(post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "k-" + ContactTestSupport.unique()).content("{\"language\":\"en\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void anAnonymousClientMayStartTenChatsAMinute() throws Exception {
        var same = client();
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/v1/chat/conversations").with(same).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"language\":\"en\"}")).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/chat/conversations").with(same).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"en\"}")).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("too-many-chats")));
    }

    @Test
    void anIdempotentStartReturnsTheFirstConversation() throws Exception {
        String key = "idem-" + ContactTestSupport.unique();
        var req = post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .content("{\"language\":\"zh-CN\"}");
        JsonNode a = json(mvc.perform(req).andExpect(status().isCreated()));
        JsonNode b = json(mvc.perform(post("/api/v1/chat/conversations").with(client()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).content("{\"language\":\"zh-CN\"}")).andExpect(status().isCreated()));
        assertThat(b.get("id").asLong()).isEqualTo(a.get("id").asLong());
        assertThat(b.get("token").asString()).isEqualTo(a.get("token").asString());
    }

    @Test
    void theCustomersStreamCarriesTheAgentsAnswerButNeverANote() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("deposits", 2));
        StaffPrincipal a = ContactTestSupport.agent(staff, "己" + ContactTestSupport.unique(), Map.of("lang-en", 4, "deposits", 3));
        work.configure(a.accountId(), java.util.Set.of(q), Map.of());
        work.setPresence(a, "AVAILABLE");
        JsonNode s = start(q, "en");
        long id = s.get("id").asLong();
        offeredTo(id);
        work.accept(a, id);

        CompletableFuture<String> got = customerStream(s.get("token").asString(), l -> l.startsWith("data:") && l.contains("the answer"));
        Thread.sleep(300); // the stream is registered on the hub thread
        work.note(a, id, "secret note");
        work.reply(a, id, "the answer");
        String stream = got.get(10, TimeUnit.SECONDS);
        assertThat(stream).contains("event:message").contains("the answer").doesNotContain("secret note");
        assertThat(stream).doesNotContain(s.get("token").asString());
    }

    /**
     * The customer's stream is on this instance; the agent types on another, which records it in the
     * typing table under its own instance id: the customer sees the agent typing.
     */
    @Test
    void theAgentTypingOnAnotherInstanceReachesTheCustomersStream() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("deposits", 2));
        StaffPrincipal a = ContactTestSupport.agent(staff, "打" + ContactTestSupport.unique(), Map.of("lang-en", 4, "deposits", 3));
        work.configure(a.accountId(), java.util.Set.of(q), Map.of());
        work.setPresence(a, "AVAILABLE");
        JsonNode s = start(q, "en");
        long id = s.get("id").asLong();
        offeredTo(id);
        work.accept(a, id);

        CompletableFuture<String> got = customerStream(s.get("token").asString(), l -> l.startsWith("data:") && l.contains("\"from\""));
        Thread.sleep(300); // the stream is registered on the hub thread
        jdbc.sql("""
                insert into contact_typing (conversation_id, from_customer, agent_id, instance_id, typed_at)
                values (:c, false, :a, 'another-instance', :t)""")
                .param("c", id).param("a", a.accountId()).param("t", java.sql.Timestamp.from(java.time.Instant.now())).update();
        String data = got.get(10, TimeUnit.SECONDS);
        assertThat(data).contains("event:typing").contains("\"conversationId\":" + id).contains("\"from\":\"AGENT\"");
    }

    @Test
    void aSupervisorWhispersAndReassignsKeepingTheTimeline() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("complaints", 2));
        StaffPrincipal a = ContactTestSupport.agent(staff, "庚" + ContactTestSupport.unique(), Map.of("lang-zh", 4, "complaints", 3));
        StaffPrincipal b = ContactTestSupport.agent(staff, "辛" + ContactTestSupport.unique(), Map.of("lang-zh", 4, "complaints", 4));
        StaffPrincipal sup = ContactTestSupport.supervisor(staff);
        work.configure(a.accountId(), java.util.Set.of(q), Map.of());
        work.setPresence(a, "AVAILABLE");
        JsonNode s = start(q, "zh-CN");
        long id = s.get("id").asLong();
        assertThat(offeredTo(id)).isEqualTo(a.accountId());
        work.accept(a, id);
        mvc.perform(post("/api/v1/chat/conversations/" + s.get("token").asString() + "/messages")
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"我要投诉\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/conversations/" + id + "/whisper").with(as(sup)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"先道歉\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/conversations/" + id + "/whisper").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}")).andExpect(status().isForbidden());
        assertThat(json(mvc.perform(get("/api/v1/conversations/" + id).with(as(a)))).get("lines").toString()).contains("先道歉");
        assertThat(json(mvc.perform(get("/api/v1/chat/conversations/" + s.get("token").asString()))).get("lines").toString())
                .doesNotContain("先道歉");

        work.configure(b.accountId(), java.util.Set.of(q), Map.of());
        work.setPresence(b, "AVAILABLE");
        mvc.perform(post("/api/v1/conversations/" + id + "/reassign").with(as(sup)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agentId\":" + b.accountId() + "}")).andExpect(status().isOk());
        assertThat(offeredTo(id)).isEqualTo(b.accountId());
        work.accept(b, id);
        JsonNode detail = json(mvc.perform(get("/api/v1/conversations/" + id).with(as(b))).andExpect(status().isOk()));
        assertThat(detail.get("lines").toString()).as("the new agent sees what was said before").contains("我要投诉");
        assertThat(detail.at("/conversation/explanation").asString()).contains("preferred agent");
        assertThatThrownBy(() -> work.reply(a, id, "still mine?")).isInstanceOf(ConflictException.class);

        // the new agent hands it back to a colleague by their login
        work.setPresence(a, "AVAILABLE");
        mvc.perform(post("/api/v1/conversations/" + id + "/transfer").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agentUsername\":\"nobody-" + ContactTestSupport.unique() + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("agentUsername"));
        mvc.perform(post("/api/v1/conversations/" + id + "/transfer").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agentUsername\":\"" + a.username() + "\"}")).andExpect(status().isOk());
        assertThat(offeredTo(id)).isEqualTo(a.accountId());
    }
}
