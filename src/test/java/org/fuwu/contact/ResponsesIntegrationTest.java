package org.fuwu.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ChatService;
import org.fuwu.contact.internal.ContactRouting;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.contact.internal.Timeline;
import org.fuwu.contact.internal.TimelineEvent;
import org.fuwu.contact.internal.TimelineStore;
import org.fuwu.platform.Role;
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

/** Canned responses and macros: kept by supervisors, applied by agents, all steps or none. */
@FuwuIntegrationTest
@RecordApplicationEvents
class ResponsesIntegrationTest {

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
    TimelineStore timelineStore;

    @Autowired
    Timeline timeline;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    /** A chat in a queue of its own, offered to and accepted by a new agent. */
    private long assigned(StaffPrincipal a, String q, String language) {
        return ContactTestSupport.assignedChat(work, chat, routing, conversations, a, q, language, "王小明").id();
    }

    private List<String> texts(long id, String kind) {
        return timelineStore.of(id, 0).stream().filter(e -> e.kind().equals(kind)).map(timeline::text).toList();
    }

    @Test
    void aSupervisorKeepsAMacroAndAnAgentEndsAChatWithItInTheCustomersLanguage() throws Exception {
        String code = "close-" + ContactTestSupport.unique();
        mvc.perform(put("/api/v1/contact/macros/en/" + code).with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Close","reply":"Thank you {customer}, {agent} of {bank} signing off.",
                                 "note":"closed by macro","wrapUpCode":"resolved"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.wrapUpCode").value("resolved"));
        mvc.perform(put("/api/v1/contact/macros/zh-CN/" + code).with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"结束\",\"reply\":\"感谢您，{customer}。\",\"wrapUpCode\":\"resolved\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/contact/macros?language=en").with(as(Role.AGENT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.code == '" + code + "')].title").value("Close"));

        String q = ContactTestSupport.queue(queues, SkillRequirement.required("cards", 1));
        StaffPrincipal a = ContactTestSupport.agent(staff, "Li Na " + ContactTestSupport.unique(), Map.of("lang-en", 3, "cards", 2));
        long id = assigned(a, q, "en");
        // the agent's page is in Chinese; the customer writes English: the English macro is sent
        mvc.perform(post("/api/v1/conversations/" + id + "/macro").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"language\":\"zh-CN\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.steps[0]").value("REPLY"))
                .andExpect(jsonPath("$.steps[1]").value("NOTE")).andExpect(jsonPath("$.steps[2]").value("END"))
                .andExpect(jsonPath("$.conversation.conversation.status").value("ENDED"))
                .andExpect(jsonPath("$.conversation.wrapUpCode").value("resolved"));
        assertThat(texts(id, "MESSAGE")).containsExactly("Thank you 王**, " + a.displayName() + " of Fuwu Bank signing off.");
        assertThat(texts(id, "NOTE")).containsExactly("closed by macro");
        assertThat(events.stream(ConversationEnded.class).filter(e -> e.conversationId() == id))
                .singleElement().satisfies(e -> assertThat(e.wrapUpCode()).isEqualTo("resolved"));
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'contact.macro.apply' and target = :t")
                .param("t", "conversation:" + id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMacroWhoseTransferFailsSendsNothing() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("cards", 1));
        String target = ContactTestSupport.queue(queues);
        String code = "move-" + ContactTestSupport.unique();
        mvc.perform(put("/api/v1/contact/macros/zh-CN/" + code).with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"转\",\"reply\":\"为您转接\",\"transferQueue\":\"" + target + "\"}")).andExpect(status().isOk());
        // the queue closes after the macro was saved
        queues.update(new QueueAdmin.QueueInput(target, "测试" + target, "Test " + target, 0, List.of(), Set.of(), 20, 80, false));
        StaffPrincipal a = ContactTestSupport.agent(staff, "转" + ContactTestSupport.unique(), Map.of("lang-zh", 3, "cards", 2));
        long id = assigned(a, q, "zh-CN");
        mvc.perform(post("/api/v1/conversations/" + id + "/macro").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("queue"));
        assertThat(texts(id, "MESSAGE")).as("the reply was rolled back with the failed transfer").isEmpty();
        assertThat(conversations.find(id).orElseThrow().agentId()).isEqualTo(a.accountId());
    }

    @Test
    void macrosAreAppliedOnlyToTheAgentsOwnConversationAndOnlyIfTheyExist() throws Exception {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("cards", 1));
        StaffPrincipal a = ContactTestSupport.agent(staff, "甲" + ContactTestSupport.unique(), Map.of("lang-zh", 3, "cards", 2));
        StaffPrincipal b = ContactTestSupport.agent(staff, "乙" + ContactTestSupport.unique(), Map.of("lang-zh", 3));
        long id = assigned(a, q, "zh-CN");
        mvc.perform(post("/api/v1/conversations/" + id + "/macro").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"no-such-macro\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/conversations/" + id + "/macro").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/api/v1/conversations/" + id + "/macro").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"close-resolved\"}")).andExpect(status().isConflict());
        assertThat(conversations.find(id).orElseThrow().status().name()).isEqualTo("ASSIGNED");
    }

    @Test
    void badMacrosAndCannedResponsesAreRefusedWithTheFieldNamedAndAgentsCannotChangeThem() throws Exception {
        mvc.perform(put("/api/v1/contact/macros/en/x").with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"X\",\"reply\":\"Dear {name}\",\"transferQueue\":\"general\",\"wrapUpCode\":\"resolved\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reply"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("{name}")))
                .andExpect(jsonPath("$.errors[1].field").value("wrapUpCode"));
        mvc.perform(put("/api/v1/contact/macros/fr/x").with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"X\",\"note\":\"n\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(put("/api/v1/contact/canned-responses/en/x").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"X\",\"body\":\"Hi\"}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/contact/macros/en/x").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"X\",\"note\":\"n\"}")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/contact/macros/en/never-there").with(as(Role.SUPERVISOR))).andExpect(status().isNotFound());
    }

    @Test
    void aSupervisorKeepsCannedResponsesThatTheWorkstationOffers() throws Exception {
        String code = "hold-" + ContactTestSupport.unique();
        mvc.perform(put("/api/v1/contact/canned-responses/en/" + code).with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Hold on\",\"body\":\"One moment please, {customer}.\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/contact/canned-responses?language=en").with(as(Role.AGENT)))
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].body").value("One moment please, {customer}."));
        mvc.perform(get("/supervisor/responses?language=en").with(as(Role.SUPERVISOR)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("One moment please")));
        mvc.perform(delete("/api/v1/contact/canned-responses/en/" + code).with(as(Role.SUPERVISOR))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/contact/canned-responses?language=en").with(as(Role.AGENT)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(code))));
        mvc.perform(get("/supervisor/responses").with(as(Role.AGENT))).andExpect(status().isForbidden());
    }
}
