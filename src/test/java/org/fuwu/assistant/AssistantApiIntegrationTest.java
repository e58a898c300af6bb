package org.fuwu.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The assistant's API on the demo catalogue, with the BM25 vote alone (no embedding model in tests). */
@FuwuIntegrationTest
class AssistantApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private JsonNode model() throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/assistant/model").with(as(Role.AGENT))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private JsonNode awaitReady(int examplesAtLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode m = model();
        while (!(m.get("status").asString().equals("READY") && m.get("examples").asInt() >= examplesAtLeast)) {
            assertThat(System.nanoTime()).as("the model is ready in 30 s: " + m).isLessThan(deadline);
            Thread.sleep(100);
            m = model();
        }
        return m;
    }

    private int imports() {
        return jdbc.sql("select count(*) from audit_record where action = 'assistant.intents.import'").query(Integer.class).single();
    }

    private JsonNode ask(String body) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/v1/assistant/ask").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theDemoCatalogueTrainsAndAnswersCustomersWithoutLoggingIn() throws Exception {
        JsonNode m = awaitReady(400);
        assertThat(m.get("intents").asInt()).isGreaterThanOrEqualTo(35);
        assertThat(m.get("trainedAt").isNull()).isFalse();
        assertThat(m.get("progress").asDouble()).isEqualTo(1.0);

        JsonNode lost = ask("{\"text\":\"我的卡丢了，帮我挂失\"}");
        assertThat(lost.get("intent").asString()).isEqualTo("card_lost");
        assertThat(lost.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(lost.get("margin").asDouble()).isBetween(0.0, lost.get("confidence").asDouble());

        JsonNode hours = ask("{\"text\":\"what are your opening hours on Saturday\",\"language\":\"en\"}");
        assertThat(hours.get("intent").asString()).isEqualTo("opening_hours");

        JsonNode human = ask("{\"text\":\"转人工\"}");
        assertThat(human.get("handoff").asBoolean()).isTrue();
        assertThat(ask("{\"text\":\"human please\"}").get("handoff").asBoolean()).isTrue();

        JsonNode nonsense = ask("{\"text\":\"量子引力的弦论数学\"}");
        assertThat(nonsense.get("handoff").asBoolean()).as("unknown matter is handed off: " + nonsense).isTrue();
    }

    @Test
    void badQuestionsAreRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/assistant/ask").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/v1/assistant/ask").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/v1/assistant/ask").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\",\"language\":\"fr\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("language"));
    }

    @Test
    void anImportAddsIntentsAndRetrainsInTheBackgroundAudited() throws Exception {
        awaitReady(400);
        String intent = "test_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        String csv = "text,category\n"
                + "\"zorblax quintessence refund, please\"," + intent + "\n"
                + "zorblax quintessence money back," + intent + "\n"
                + "zorblax quintessence reimbursement," + intent + "\n";
        int before = model().get("examples").asInt();
        int audited = imports();
        mvc.perform(post("/api/v1/assistant/intents:import").with(as(Role.AGENT)).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assistant/intents:import").with(as(Role.ADMIN)).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intentsCreated").value(1))
                .andExpect(jsonPath("$.examplesAdded").value(3)).andExpect(jsonPath("$.examplesSkipped").value(0));
        mvc.perform(post("/api/v1/assistant/intents:import").with(as(Role.ADMIN)).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intentsCreated").value(0))
                .andExpect(jsonPath("$.examplesSkipped").value(3));
        awaitReady(before + 3);
        assertThat(ask("{\"text\":\"zorblax quintessence refund\"}").get("intent").asString()).isEqualTo(intent);
        assertThat(imports()).isEqualTo(audited + 2);
        mvc.perform(get("/api/v1/assistant/intents").with(as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + intent + "')].examplesEn").value(3));
    }

    @Test
    void aBadFileIsRefusedWholeNamingTheLine() throws Exception {
        mvc.perform(post("/api/v1/assistant/intents:import").with(as(Role.ADMIN)).contentType("text/csv")
                .content("text,category\nfine text,fine_intent\nbad,Not An Intent!\n"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(post("/api/v1/assistant/intents:import").with(as(Role.ADMIN)).contentType("text/csv").content("question,answer\na,b\n"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(jdbc.sql("select count(*) from assistant_intent where name = 'fine_intent'").query(Integer.class).single()).isZero();
    }
}
