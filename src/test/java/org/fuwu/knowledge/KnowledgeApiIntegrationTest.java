package org.fuwu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.knowledge.KnowledgeFixtures.entry;
import static org.fuwu.knowledge.KnowledgeFixtures.word;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.knowledge.internal.EntryTransfer;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
@RecordApplicationEvents
class KnowledgeApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    ApplicationEvents events;

    private JsonNode json(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode suggest(String q, String channel) throws Exception {
        var req = get("/api/v1/knowledge/suggestions").param("q", q).param("limit", "5").with(as(Role.AGENT));
        if (channel != null) {
            req = req.param("channel", channel);
        }
        return json(mvc.perform(req).andExpect(status().isOk()));
    }

    private List<Long> ids(JsonNode suggestions) {
        List<Long> out = new ArrayList<>();
        suggestions.forEach(s -> out.add(s.get("entryId").asLong()));
        return out;
    }

    private long create(String body) throws Exception {
        JsonNode e = json(mvc.perform(post("/api/v1/knowledge/entries").with(as(Role.QUALITY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()));
        assertThat(e.get("status").asString()).isEqualTo("DRAFT");
        return e.get("id").asLong();
    }

    private JsonNode act(long id, String action, Role role, int expected) throws Exception {
        return json(mvc.perform(post("/api/v1/knowledge/entries/" + id + "/" + action).with(as(role))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().is(expected)));
    }

    /** Written by the quality manager, published by the supervisor. */
    private long published(String body) throws Exception {
        long id = create(body);
        act(id, "submit", Role.QUALITY_MANAGER, 200);
        assertThat(act(id, "approve", Role.SUPERVISOR, 200).get("status").asString()).isEqualTo("PUBLISHED");
        return id;
    }

    @Test
    void aChineseQuestionFindsTheCardLossEntry() throws Exception {
        JsonNode found = suggest("我的卡丢了怎么办", "ASSISTANT");
        assertThat(found.size()).isPositive();
        assertThat(found.get(0).get("question").asString()).isEqualTo("银行卡丢失了怎么挂失？");
        assertThat(found.get(0).get("language").asString()).isEqualTo("zh");
        assertThat(found.get(0).get("snippet").asString()).contains("口头挂失").doesNotContain("<");
        // the public module API answers the same
        assertThat(search.suggest("我的卡丢了怎么办", "en", "WEB", 1).get(0).question()).isEqualTo("银行卡丢失了怎么挂失？");
    }

    @Test
    void anEnglishQuestionWithATypoFindsTheCardLossEntry() throws Exception {
        JsonNode found = suggest("lost my crad", "APP");
        assertThat(found.get(0).get("question").asString()).isEqualTo("How do I report a lost or stolen card?");
        assertThat(found.get(0).get("language").asString()).isEqualTo("en");
    }

    @Test
    void aMisspeltWordMatchesAtOneEditAndTranspositionsCount() throws Exception {
        String w = word();
        long id = published(entry("en", "How is the " + w + " service charged?", "<p>It is free.</p>", "\"WEB\"", null, null));
        String typo = w.substring(0, 3) + w.charAt(4) + w.charAt(3) + w.substring(5);
        assertThat(ids(suggest(typo, "WEB"))).first().isEqualTo(id);
        String dropped = w.substring(0, 5) + w.substring(6);
        assertThat(ids(suggest(dropped + " service", "WEB"))).first().isEqualTo(id);
    }

    @Test
    void theWorkflowPublishesVersionsKeepsTheLiveTextDuringAnEditAndRollsBack() throws Exception {
        String v1 = word();
        String v2 = word();
        long id = create(entry("en", "What is " + v1 + "?", "<p>First text</p>", "\"WEB\",\"AGENT\"", null, null));
        assertThat(ids(suggest(v1, null))).doesNotContain(id);
        act(id, "approve", Role.SUPERVISOR, 409);
        act(id, "submit", Role.QUALITY_MANAGER, 200);
        JsonNode own = act(id, "approve", Role.QUALITY_MANAGER, 409);
        assertThat(own.get("detail").asString()).contains("another reviewer");
        mvc.perform(put("/api/v1/knowledge/entries/" + id).with(as(Role.QUALITY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                .content(entry("en", "changed in review", "<p>x</p>", "\"WEB\"", null, null))).andExpect(status().isConflict());
        JsonNode live = act(id, "approve", Role.SUPERVISOR, 200);
        assertThat(live.get("liveVersion").asInt()).isEqualTo(1);
        assertThat(events.stream(KnowledgeEntryPublished.class).filter(e -> e.entryId() == id)).hasSize(1);
        assertThat(ids(suggest(v1, "WEB"))).containsExactly(id);

        // an edit is a draft; version 1 stays live until the edit is published
        JsonNode draft = json(mvc.perform(put("/api/v1/knowledge/entries/" + id).with(as(Role.QUALITY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content(entry("en", "What is " + v2 + "?", "<p>Second text</p>",
                        "\"WEB\",\"AGENT\"", null, null))).andExpect(status().isOk()));
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("liveVersion").asInt()).isEqualTo(1);
        assertThat(ids(suggest(v1, "WEB"))).containsExactly(id);
        assertThat(ids(suggest(v2, "WEB"))).doesNotContain(id);
        act(id, "submit", Role.QUALITY_MANAGER, 200);
        act(id, "reject", Role.ADMIN, 200);
        act(id, "submit", Role.QUALITY_MANAGER, 200);
        assertThat(act(id, "approve", Role.ADMIN, 200).get("liveVersion").asInt()).isEqualTo(2);
        assertThat(ids(suggest(v2, "WEB"))).containsExactly(id);
        assertThat(ids(suggest(v1, "WEB"))).doesNotContain(id);

        // rollback publishes version 1's text again, as version 3
        JsonNode rolled = json(mvc.perform(post("/api/v1/knowledge/entries/" + id + "/rollback").with(as(Role.SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}")).andExpect(status().isOk()));
        assertThat(rolled.get("liveVersion").asInt()).isEqualTo(3);
        assertThat(rolled.get("question").asString()).isEqualTo("What is " + v1 + "?");
        assertThat(rolled.get("versions")).hasSize(3);
        assertThat(rolled.get("versions").get(0).get("rolledBackFrom").asInt()).isEqualTo(1);
        assertThat(ids(suggest(v1, "WEB"))).containsExactly(id);
        assertThat(ids(suggest(v2, "WEB"))).doesNotContain(id);
        mvc.perform(post("/api/v1/knowledge/entries/" + id + "/rollback").with(as(Role.SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":3}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/knowledge/entries/" + id + "/versions/2").with(as(Role.AGENT))).andExpect(status().isOk());

        // unpublished: never returned, and its answer is gone
        act(id, "unpublish", Role.SUPERVISOR, 200);
        assertThat(ids(suggest(v1, null))).doesNotContain(id);
        assertThat(search.suggest(v1, "en", null, 50)).noneMatch(s -> s.entryId() == id);
        mvc.perform(get("/api/v1/knowledge/answers/" + id).with(as(Role.AGENT))).andExpect(status().isNotFound());
        act(id, "unpublish", Role.SUPERVISOR, 409);
    }

    @Test
    void anExpiredOrNotYetValidEntryIsNeverReturnedAndChannelsFilter() throws Exception {
        String w = word();
        long expired = published(entry("en", "Old " + w + " rule", "<p>x</p>", "\"WEB\"", null, TODAY.minusDays(1).toString()));
        long future = published(entry("en", "New " + w + " rule", "<p>x</p>", "\"WEB\"", TODAY.plusDays(1).toString(), null));
        long agentOnly = published(entry("en", "Agent " + w + " rule", "<p>x</p>", "\"AGENT\"", TODAY.toString(), TODAY.toString()));
        assertThat(ids(suggest(w + " rule", "WEB"))).doesNotContain(expired, future, agentOnly);
        assertThat(ids(suggest(w + " rule", "AGENT"))).containsExactly(agentOnly);
        assertThat(ids(suggest(w + " rule", null))).containsExactly(agentOnly);
        mvc.perform(get("/api/v1/knowledge/answers/" + expired).with(as(Role.AGENT))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/knowledge/answers/" + future).with(as(Role.AGENT))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/knowledge/answers/" + agentOnly).param("channel", "WEB").with(as(Role.AGENT)))
                .andExpect(status().isNotFound());
        JsonNode answer = json(mvc.perform(get("/api/v1/knowledge/answers/" + agentOnly).param("channel", "AGENT")
                .with(as(Role.AGENT))).andExpect(status().isOk()));
        assertThat(answer.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void anAdminsSynonymTakesEffectAtOnce() throws Exception {
        String known = word();
        String asked = word();
        long id = published(entry("en", "How do I open a " + known + " account?", "<p>At a branch.</p>", "\"WEB\"", null, null));
        assertThat(ids(suggest(asked, "WEB"))).doesNotContain(id);
        mvc.perform(post("/api/v1/knowledge/synonyms").with(as(Role.QUALITY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"en\",\"terms\":[\"" + known + "\",\"" + asked + "\"]}")).andExpect(status().isForbidden());
        JsonNode group = json(mvc.perform(post("/api/v1/knowledge/synonyms").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"en\",\"terms\":[\"" + known + "\",\"" + asked + "\"]}")).andExpect(status().isCreated()));
        assertThat(ids(suggest(asked, "WEB"))).first().isEqualTo(id);
        mvc.perform(delete("/api/v1/knowledge/synonyms/" + group.get("id").asLong()).with(as(Role.ADMIN)))
                .andExpect(status().isNoContent());
        assertThat(ids(suggest(asked, "WEB"))).doesNotContain(id);
        mvc.perform(post("/api/v1/knowledge/synonyms").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"fr\",\"terms\":[\"one\"]}")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void usesViewsAndHelpfulMarksAreCounted() throws Exception {
        long id = published(entry("en", "Counting " + word(), "<p>x</p>", "\"WEB\"", null, null));
        mvc.perform(post("/api/v1/knowledge/entries/" + id + "/uses").with(as(Role.AGENT))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/knowledge/answers/" + id).param("channel", "WEB").with(as(Role.AGENT))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/knowledge/entries/" + id + "/feedback").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"AGENT\",\"helpful\":true}")).andExpect(status().isOk());
        JsonNode counts = json(mvc.perform(post("/api/v1/knowledge/entries/" + id + "/feedback").with(as(Role.AGENT))
                .contentType(MediaType.APPLICATION_JSON).content("{\"source\":\"customer\",\"channel\":\"WEB\",\"helpful\":false,"
                        + "\"comment\":\"my number is 13800138000\"}")).andExpect(status().isOk()));
        assertThat(counts.get("helpful").asLong()).isEqualTo(1);
        assertThat(counts.get("notHelpful").asLong()).isEqualTo(1);
        JsonNode view = json(mvc.perform(get("/api/v1/knowledge/entries/" + id).with(as(Role.AGENT))).andExpect(status().isOk()));
        assertThat(view.get("uses").asLong()).isEqualTo(1);
        assertThat(view.get("views").asLong()).isEqualTo(1);
        assertThat(view.get("helpful").asLong()).isEqualTo(1);
        JsonNode bad = json(mvc.perform(post("/api/v1/knowledge/entries/" + id + "/feedback").with(as(Role.AGENT))
                .contentType(MediaType.APPLICATION_JSON).content("{\"source\":\"BOT\"}")).andExpect(status().isUnprocessableContent()));
        assertThat(bad.toString()).contains("source", "helpful");
        mvc.perform(post("/api/v1/knowledge/entries/987654321/uses").with(as(Role.AGENT))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsAnsweredFieldByFieldAndUnknownIdsWith404() throws Exception {
        JsonNode bad = json(mvc.perform(post("/api/v1/knowledge/entries").with(as(Role.QUALITY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"fr\",\"kind\":\"MEMO\",\"question\":\"\","
                        + "\"answerHtml\":\"<script>alert(1)</script>\",\"category\":\"NOPE\",\"channels\":[\"FAX\"],"
                        + "\"validFrom\":\"2026-02-01\",\"validUntil\":\"2026-01-01\"}"))
                .andExpect(status().isUnprocessableContent()));
        List<String> fields = new ArrayList<>();
        bad.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("language", "kind", "question", "answerHtml", "category", "channels", "validUntil");
        mvc.perform(post("/api/v1/knowledge/entries").with(as(Role.QUALITY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"validFrom\":\"someday\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/knowledge/entries").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                .content(entry("en", "x", "<p>x</p>", "\"WEB\"", null, null))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/knowledge/entries/987654321").with(as(Role.AGENT))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/knowledge/entries/987654321/submit").with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/knowledge/suggestions").param("q", "card").param("limit", "0").with(as(Role.AGENT)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/knowledge/suggestions").param("q", "card").param("channel", "FAX").with(as(Role.AGENT)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/knowledge/suggestions").param("q", " ").with(as(Role.AGENT)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/knowledge/entries").param("status", "LOST").with(as(Role.AGENT)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/knowledge/categories/CARDS").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parent\":\"CARD_LOSS\",\"nameZh\":\"银行卡\",\"nameEn\":\"Cards\"}")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theAnswerIsStoredSanitised() throws Exception {
        long id = create(entry("en", "Safe " + word(), "<p onclick=\\\"x()\\\">Hi<script>alert(1)</script></p>", "\"WEB\"", null, null));
        JsonNode e = json(mvc.perform(get("/api/v1/knowledge/entries/" + id).with(as(Role.AGENT))).andExpect(status().isOk()));
        assertThat(e.get("answerHtml").asString()).isEqualTo("<p>Hi</p>");
    }

    @Test
    void anImportWithABadRowImportsNothingAndAGoodOneMakesDrafts() throws Exception {
        String w = word();
        String csv = "language,question,answerHtml,channels,category\r\n"
                + "en," + w + " one,<p>a</p>,WEB,CARDS\r\n"
                + "en,,<p>b</p>,FAX,NOPE\r\n";
        JsonNode bad = json(mvc.perform(multipart("/api/v1/knowledge/import").file(new MockMultipartFile("file", "faq.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(as(Role.QUALITY_MANAGER))).andExpect(status().isUnprocessableContent()));
        List<String> fields = new ArrayList<>();
        bad.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("rows[2].question", "rows[2].channels", "rows[2].category");
        JsonNode drafts = json(mvc.perform(get("/api/v1/knowledge/entries").param("status", "DRAFT").with(as(Role.AGENT))));
        assertThat(drafts.toString()).doesNotContain(w);

        // the same rows, fixed, as XLSX
        byte[] xlsx = xlsx(List.of(List.of("language", "question", "answerHtml", "channels", "category"),
                List.of("en", w + " one", "<p>a</p>", "WEB", "CARDS"), List.of("zh", w + " 二", "<p>b</p>", "WEB,APP", "")));
        JsonNode ok = json(mvc.perform(multipart("/api/v1/knowledge/import").file(new MockMultipartFile("file", "faq.xlsx",
                "application/octet-stream", xlsx)).with(as(Role.QUALITY_MANAGER))).andExpect(status().isOk()));
        assertThat(ok.get("created").asInt()).isEqualTo(2);
        drafts = json(mvc.perform(get("/api/v1/knowledge/entries").param("status", "DRAFT").with(as(Role.AGENT))));
        assertThat(drafts.toString()).contains(w + " one", w + " 二");
        assertThat(ids(suggest(w, null))).isEmpty(); // drafts are not live

        // an export is read back
        byte[] export = mvc.perform(get("/api/v1/knowledge/export").param("format", "xlsx").with(as(Role.QUALITY_MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(EntryTransfer.read(export, EntryTransfer.Format.XLSX)).anyMatch(r -> (w + " 二").equals(r.input().question()));
        mvc.perform(get("/api/v1/knowledge/export").param("format", "pdf").with(as(Role.QUALITY_MANAGER)))
                .andExpect(status().isUnprocessableContent());
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("faq");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
