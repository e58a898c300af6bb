package org.fuwu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.knowledge.KnowledgeFixtures.word;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@FuwuIntegrationTest
class KnowledgePagesIntegrationTest {

    @Autowired
    MockMvc mvc;

    private String page(String path, Role role, String lang, int expected) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(as(role))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theListSearchesAndShowsTheCategoryTreeInBothLanguages() throws Exception {
        String zh = page("/knowledge?q=我的卡丢了怎么办", Role.AGENT, "zh-CN", 200);
        assertThat(zh).contains("知识库", "挂失与补卡", "银行卡丢失了怎么挂失？", "最佳答案").doesNotContain("??");
        String en = page("/knowledge?q=lost+my+crad&channel=WEB", Role.AGENT, "en", 200);
        assertThat(en).contains("Knowledge base", "Loss and replacement", "How do I report a lost or stolen card?", "Best answers")
                .doesNotContain("??");
        // agents read; they get no editing buttons
        assertThat(en).doesNotContain("id=\"new-entry\"");
        assertThat(page("/knowledge?category=CARDS&status=PUBLISHED", Role.QUALITY_MANAGER, "en", 200))
                .contains("id=\"new-entry\"", "How do I report a lost or stolen card?").doesNotContain("What are the branch opening hours?");
        assertThat(page("/knowledge?q=card&channel=FAX", Role.AGENT, "en", 200)).contains("id=\"knowledge-errors\"");
    }

    @Test
    void theEditorWritesSubmitsAndAnotherReviewerPublishes() throws Exception {
        String w = word();
        String bad = mvc.perform(post("/knowledge/entries").with(as(Role.QUALITY_MANAGER)).with(csrf()).param("lang", "en")
                        .param("language", "en").param("question", "").param("answerHtml", "<script>x</script>").param("validFrom", "soon"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("question:", "answerHtml:", "channels:", "validFrom:");
        String location = mvc.perform(post("/knowledge/entries").with(as(Role.QUALITY_MANAGER)).with(csrf())
                        .param("language", "en").param("kind", "FAQ").param("category", "CARDS").param("question", "Where is " + w + "?")
                        .param("similar", "find " + w + "\nlocate " + w).param("answerHtml", "<p>At <b>every</b> branch</p>")
                        .param("products", "debit_card").param("channels", "WEB", "AGENT").param("owner", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/knowledge/entries/\\d+");
        mvc.perform(post(location + "/submit").with(as(Role.QUALITY_MANAGER)).with(csrf())).andExpect(status().is3xxRedirection());
        String own = mvc.perform(post(location + "/approve").with(as(Role.QUALITY_MANAGER)).with(csrf()))
                .andReturn().getFlashMap().get("entryErrors").toString();
        assertThat(own).contains("another reviewer");
        mvc.perform(post(location + "/approve").with(as(Role.SUPERVISOR)).with(csrf())).andExpect(status().is3xxRedirection());
        String entry = page(location, Role.AGENT, "en", 200);
        assertThat(entry).contains("Version 1 is live.", "id=\"version-1\"", "<p>At <b>every</b> branch</p>", "DEBIT_CARD");
        assertThat(page("/knowledge?q=locate+" + w, Role.AGENT, "en", 200)).contains("Where is " + w + "?");
        page("/knowledge/entries/987654321", Role.AGENT, "en", 404);
    }

    @Test
    void anImportWithBadRowsNamesThemOnThePage() throws Exception {
        String csv = "language,question,answerHtml,channels\r\nen,ok " + word() + ",<p>a</p>,WEB\r\nde,,<p>b</p>,WEB\r\n";
        String html = mvc.perform(multipart("/knowledge/transfer").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("lang", "en").with(as(Role.QUALITY_MANAGER)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Nothing was imported", "rows[2].language", "rows[2].question");
        assertThat(page("/knowledge/transfer", Role.QUALITY_MANAGER, "zh-CN", 200)).contains("导入与导出");
        assertThat(page("/knowledge/settings", Role.SUPERVISOR, "zh-CN", 200)).contains("银行业务同义词", "卡丢了");
    }
}
