package org.fuwu.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ContactRouting;
import org.fuwu.contact.internal.ConversationStatus;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.platform.Role;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.staff.internal.StaffAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phone channel through the CTI API, with the demo telephony standing in for the bank's platform:
 * a call offered with its IVR choice is routed by skill, the agent's softphone answers, holds and hangs up
 * (each state arriving as the platform's event), and virtual hold keeps a caller's place without counting
 * an abandon.
 */
@FuwuIntegrationTest
class CtiIntegrationTest {

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

    private JsonNode offer(String callId, String queue) throws Exception {
        String body = JSON.writeValueAsString(Map.of("callId", callId, "ani", org.fuwu.customer.CustomerFixtures.mobile(),
                "dnis", "95588", "ivrChoice", queue, "ivrResult", "balance-heard"));
        return JSON.readTree(mvc.perform(post("/api/v1/cti/calls").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private void event(String callId, String type) throws Exception {
        mvc.perform(post("/api/v1/cti/calls/" + callId + "/events").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"" + type + "\"}")).andExpect(status().isOk());
    }

    private void command(StaffPrincipal a, long id, String action) throws Exception {
        mvc.perform(post("/api/v1/conversations/" + id + "/call").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\"}")).andExpect(status().isAccepted());
    }

    private void callState(long id, String state) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (state.equals(conversations.find(id).orElseThrow().callState())) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(conversations.find(id).orElseThrow().callState()).isEqualTo(state);
    }

    private StaffPrincipal agentFor(String queue) {
        StaffPrincipal a = ContactTestSupport.agent(staff, "话务" + ContactTestSupport.unique(), Map.of("lang-zh", 5, "loans", 4));
        work.configure(a.accountId(), Set.of(queue), Map.of());
        work.setPresence(a, "AVAILABLE");
        return a;
    }

    private void offeredTo(long id, StaffPrincipal a) {
        assertThat(ContactTestSupport.offeredTo(routing, conversations, id)).isEqualTo(a.accountId());
    }

    @Test
    void aCallIsRoutedBySkillAndTheSoftphoneDrivesItThroughThePlatformsEvents() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("loans", 3));
        StaffPrincipal a = agentFor(q);
        String callId = "call-" + ContactTestSupport.unique();
        JsonNode c = offer(callId, q);
        long id = c.get("conversationId").asLong();
        assertThat(c.get("callState").asString()).isEqualTo("RINGING");
        assertThat(offer(callId, q).get("conversationId").asLong()).as("the platform's retry").isEqualTo(id);
        offeredTo(id, a);
        work.accept(a, id);
        command(a, id, "ANSWER");
        callState(id, "TALKING");
        command(a, id, "HOLD");
        callState(id, "HELD");
        command(a, id, "RESUME");
        callState(id, "TALKING");
        command(a, id, "HANGUP");
        callState(id, "ENDED");
        mvc.perform(post("/api/v1/cti/calls/" + callId + "/events").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"RECORDING\",\"recordingRef\":\"rec-2026-12-01-0001.wav\"}")).andExpect(status().isOk());
        work.end(a, id, "resolved");
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.ENDED);
        // the call's steps are on the timeline for staff
        var detail = JSON.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/conversations/" + id).with(as(Role.SUPERVISOR))).andReturn().getResponse().getContentAsString());
        assertThat(detail.get("lines").toString()).contains("call=OFFERED").contains("ivr=balance-heard")
                .contains("recording=rec-2026-12-01-0001.wav");
        // someone else's call cannot be driven
        StaffPrincipal other = agentFor(q);
        mvc.perform(post("/api/v1/conversations/" + id + "/call").with(as(other)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"ANSWER\"}")).andExpect(status().isConflict());
    }

    @Test
    void aCallerOnVirtualHoldKeepsTheirPlaceIsNotAnAbandonAndIsCalledBack() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("loans", 5));
        String callId = "cb-" + ContactTestSupport.unique();
        long id = offer(callId, q).get("conversationId").asLong();
        var queuedAt = conversations.find(id).orElseThrow().queuedAt();
        mvc.perform(post("/api/v1/cti/calls/" + callId + "/callback").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isOk()).andExpect(jsonPath("$.callback").value(true));
        event(callId, "ABANDONED"); // the caller hangs up, as asked
        var c = conversations.find(id).orElseThrow();
        assertThat(c.status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(c.queuedAt()).isEqualTo(queuedAt);
        StaffPrincipal a = ContactTestSupport.agent(staff, "回拨" + ContactTestSupport.unique(), Map.of("lang-zh", 5, "loans", 5));
        work.configure(a.accountId(), Set.of(q), Map.of());
        work.setPresence(a, "AVAILABLE");
        offeredTo(id, a);
        work.accept(a, id);
        command(a, id, "DIAL");
        callState(id, "TALKING");

        // without a callback, a caller who hangs up in the queue abandons
        String gone = "ab-" + ContactTestSupport.unique();
        long abandoned = offer(gone, q).get("conversationId").asLong();
        event(gone, "ABANDONED");
        assertThat(conversations.find(abandoned).orElseThrow().status()).isEqualTo(ConversationStatus.ABANDONED);
        mvc.perform(post("/api/v1/cti/calls/" + gone + "/callback").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isConflict());
    }

    @Test
    void aCallerFromAnUnknownNumberIsRecognisedByTheCardTheyKeyedInTheIvr() throws Exception {
        String card = org.fuwu.customer.CustomerFixtures.cardNumber();
        long customerId = JSON.readTree(mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"孙卡号\",\"mobile\":\"" + org.fuwu.customer.CustomerFixtures.mobile() + "\",\"cardNumber\":\""
                        + card + "\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        String body = JSON.writeValueAsString(Map.of("callId", "card-" + ContactTestSupport.unique(), "ani", "02161234567",
                "ivrChoice", "general", "cardNumber", card, "ivrVerified", true));
        long id = JSON.readTree(mvc.perform(post("/api/v1/cti/calls").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("conversationId").asLong();
        var c = conversations.find(id).orElseThrow();
        assertThat(c.customerId()).isEqualTo(customerId);
        assertThat(c.verified()).as("the IVR checked the card's PIN").isTrue();
    }

    @Test
    void badCtiInputIsRefusedWithTheFieldNamed() throws Exception {
        mvc.perform(post("/api/v1/cti/calls").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callId\":\"bad id!\",\"ani\":\"13800000000\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("callId"));
        mvc.perform(post("/api/v1/cti/calls").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callId\":\"c1\",\"ani\":\"x\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("ani"));
        mvc.perform(post("/api/v1/cti/calls").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callId\":\"c1\",\"ani\":\"13800000000\",\"ivrChoice\":\"nope\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("ivrChoice"));
        mvc.perform(post("/api/v1/cti/calls/no-such-call/events").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"ENDED\"}")).andExpect(status().isNotFound());
        String callId = "v-" + ContactTestSupport.unique();
        offer(callId, "general");
        mvc.perform(post("/api/v1/cti/calls/" + callId + "/events").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"EXPLODED\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/v1/cti/calls").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callId\":\"c2\",\"ani\":\"13800000000\"}")).andExpect(status().isForbidden());
    }
}
