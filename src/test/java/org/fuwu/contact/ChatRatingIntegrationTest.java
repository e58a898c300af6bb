package org.fuwu.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ChatService;
import org.fuwu.contact.internal.ContactChannel;
import org.fuwu.contact.internal.ContactRouting;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.feedback.RatingGiven;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.staff.internal.StaffAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The customer rates a chat once an agent served it; the agent sees the customer's past ratings in the 360. */
@FuwuIntegrationTest
@RecordApplicationEvents
class ChatRatingIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccountService staff;

    @Autowired
    QueueAdmin queues;

    @Autowired
    AgentWork work;

    @Autowired
    ChatService chat;

    @Autowired
    ContactRouting routing;

    @Autowired
    ConversationStore conversations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private void rate(String token, String body, int status) throws Exception {
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/rating").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status));
    }

    @Test
    void aServedCustomerRatesOnceAndTheNextAgentSeesItInTheCustomer360() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("cards", 1));
        StaffPrincipal a = ContactTestSupport.agent(staff, "评" + ContactTestSupport.unique(), Map.of("lang-zh", 3, "cards", 2));
        work.configure(a.accountId(), Set.of(q), Map.of());
        work.setPresence(a, "AVAILABLE");
        long customer = jdbc.sql("select min(id) from customer").query(Long.class).single();
        ChatService.Started s = chat.start("zh-CN", "李雷", q, ContactChannel.WEB_CHAT, null);
        jdbc.sql("update contact_conversation set customer_id = :c where id = :id").param("c", customer).param("id", s.id()).update();

        rate(s.token(), "{\"score\":5}", 409); // nobody served it yet
        assertThat(ContactTestSupport.offeredTo(routing, conversations, s.id())).isEqualTo(a.accountId());
        work.accept(a, s.id());
        work.end(a, s.id(), "resolved");

        mvc.perform(post("/api/v1/chat/conversations/" + s.token() + "/rating").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\":6}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        mvc.perform(post("/api/v1/chat/conversations/" + s.token() + "/rating").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"" + "好".repeat(1001) + "\",\"score\":4}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(post("/api/v1/chat/conversations/" + s.token() + "/rating").contentType(MediaType.APPLICATION_JSON)
                        .content("{}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        mvc.perform(post("/api/v1/chat/conversations/" + s.token() + "/rating").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\":4,\"comment\":\"回复很快，手机 13800138000 可联系\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.score").value(4));
        rate(s.token(), "{\"score\":1}", 409); // once
        rate("not-a-token", "{\"score\":1}", 404);

        assertThat(events.stream(RatingGiven.class).filter(e -> e.subjectRef().equals(String.valueOf(s.id()))))
                .singleElement().satisfies(e -> {
                    assertThat(e.score()).isEqualTo(4);
                    assertThat(e.staffId()).isEqualTo(a.accountId());
                    assertThat(e.customerId()).isEqualTo(customer);
                    assertThat(e.channel()).isEqualTo("WEB_CHAT");
                });
        String stored = jdbc.sql("select comment_enc from feedback_rating where subject = 'CONVERSATION' and subject_ref = :r")
                .param("r", String.valueOf(s.id())).query(String.class).single();
        assertThat(stored).as("the comment is encrypted at rest").doesNotContain("13800138000").doesNotContain("回复很快");

        // the customer comes back: the agent sees the rating in the 360
        work.setPresence(a, "AVAILABLE"); // ready again without waiting out the after-contact work
        ChatService.Started next = chat.start("zh-CN", "李雷", q, ContactChannel.WEB_CHAT, null);
        jdbc.sql("update contact_conversation set customer_id = :c where id = :id").param("c", customer).param("id", next.id()).update();
        assertThat(ContactTestSupport.offeredTo(routing, conversations, next.id())).isEqualTo(a.accountId());
        work.accept(a, next.id());
        mvc.perform(get("/api/v1/conversations/" + next.id() + "/customer").with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$.ratings[?(@.subjectRef == '" + s.id() + "')].score").value(4))
                .andExpect(jsonPath("$.ratings[?(@.subjectRef == '" + s.id() + "')].comment").value("回复很快，手机 13800138000 可联系"));
    }
}
