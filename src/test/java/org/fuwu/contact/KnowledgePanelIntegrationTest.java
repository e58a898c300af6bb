package org.fuwu.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ChatService;
import org.fuwu.contact.internal.ContactRouting;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.staff.internal.StaffAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The workstation's knowledge panel suggests answers from what the customer wrote, in their language. */
@FuwuIntegrationTest
class KnowledgePanelIntegrationTest {

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
    ChatService chat;

    @Autowired
    ContactRouting routing;

    @Autowired
    ConversationStore conversations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAgentIsOfferedTheCardLossAnswerForWhatTheCustomerWroteAndUsesIt() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("cards", 1));
        StaffPrincipal a = ContactTestSupport.agent(staff, "知" + ContactTestSupport.unique(), Map.of("lang-zh", 3, "cards", 2));
        StaffPrincipal other = ContactTestSupport.agent(staff, "旁" + ContactTestSupport.unique(), Map.of("lang-zh", 3));
        ChatService.Started s = ContactTestSupport.assignedChat(work, chat, routing, conversations, a, q, "zh-CN", "周女士");
        // nothing written yet: nothing suggested
        mvc.perform(get("/api/v1/conversations/" + s.id() + "/knowledge").with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        chat.write(s.token(), "你好，我的银行卡丢了怎么办");

        JsonNode list = JSON.readTree(mvc.perform(get("/api/v1/conversations/" + s.id() + "/knowledge").with(as(a)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.size()).isBetween(1, 5);
        JsonNode top = list.get(0);
        assertThat(top.get("question").asString()).isEqualTo("银行卡丢失了怎么挂失？");
        assertThat(top.get("language").asString()).isEqualTo("zh");
        long entry = top.get("entryId").asLong();

        // the agent's own search, in English
        mvc.perform(get("/api/v1/conversations/" + s.id() + "/knowledge?q=stolen card").with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].question").value("How do I report a lost or stolen card?"));

        int usesBefore = jdbc.sql("select use_count from knowledge_entry where id = :id").param("id", entry).query(Integer.class).single();
        String text = JSON.readTree(mvc.perform(post("/api/v1/conversations/" + s.id() + "/knowledge/" + entry + "/use").with(as(a)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("text").asString();
        assertThat(text).isNotBlank().doesNotContain("<p>").doesNotContain("<strong>");
        assertThat(jdbc.sql("select use_count from knowledge_entry where id = :id").param("id", entry).query(Integer.class).single())
                .isEqualTo(usesBefore + 1);

        // another agent does not see this conversation, nor its panel
        mvc.perform(get("/api/v1/conversations/" + s.id() + "/knowledge").with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/conversations/" + s.id() + "/knowledge/" + entry + "/use").with(as(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/conversations/" + s.id() + "/knowledge/999999999/use").with(as(a)))
                .andExpect(status().isNotFound());
    }
}
