package org.fuwu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * An entry from its author to an agent's search, in real Chromium with three people: the quality manager writes
 * and submits it, the supervisor publishes it, and an agent finds it by a similar question with a typo.
 */
@BrowserTest
class KnowledgeBrowserTest {

    @Test
    void anEntryIsWrittenReviewedPublishedAndFoundByAnAgent(Browser author, Browser reviewer, Browser agent) {
        String w = KnowledgeFixtures.word();
        author.login("quality1", "demo1234");
        author.open("/knowledge/entries/new?lang=en");
        new Select(author.find("#language")).selectByValue("en");
        new Select(author.find("#category")).selectByValue("CARD_USE");
        author.type("#question", "Can I use my card in " + w + "?");
        author.type("#similar", "paying abroad in " + w);
        author.type("#answerHtml", "<p>Yes, wherever <strong>UnionPay</strong> is accepted.</p><script>alert(1)</script>");
        author.click("#save");
        assertThat(author.text("#flash")).isEqualTo("Draft created.");
        assertThat(author.text("#entry-status")).isEqualTo("Draft");
        String path = author.driver().getCurrentUrl().replaceAll("\\?.*$", "");
        path = path.substring(path.indexOf("/knowledge/"));
        author.click("#submit");
        assertThat(author.text("#entry-status")).isEqualTo("In review");
        assertThat(author.text("#answer-preview")).isEqualTo("Yes, wherever UnionPay is accepted.");

        reviewer.login("supervisor1", "demo1234");
        reviewer.open(path + "?lang=en");
        reviewer.click("#approve");
        assertThat(reviewer.text("#flash")).isEqualTo("Published.");
        assertThat(reviewer.text("#live-note")).isEqualTo("Version 1 is live.");

        agent.login("agent1", "demo1234");
        agent.open("/knowledge?lang=en");
        String typo = w.substring(0, 4) + w.charAt(5) + w.charAt(4) + w.substring(6);
        agent.type("#q", "pay abroad " + typo);
        agent.click("#search");
        assertThat(agent.text("#suggestions")).contains("Can I use my card in " + w + "?");
        agent.open("/knowledge?lang=zh-CN");
        agent.type("#q", "我的卡丢了怎么办");
        agent.click("#search");
        assertThat(agent.text("#suggestions")).contains("银行卡丢失了怎么挂失？");
    }
}
