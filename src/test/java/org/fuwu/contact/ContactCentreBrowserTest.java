package org.fuwu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.staff.internal.StaffAccount;
import org.fuwu.staff.internal.StaffAccountService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact centre end to end in real Chromium, three browsers at once: a customer writes in the
 * chat widget; the chat is routed to the agent with the right skill (not to the one without); the
 * agent answers with a canned response, which the customer sees; the agent ends with a wrap-up code;
 * and the supervisor wall counts it.
 */
@BrowserTest
class ContactCentreBrowserTest {

    @Autowired
    StaffAccountService staff;

    @Autowired
    QueueAdmin queues;

    @Autowired
    AgentWork work;

    private static final String PASSWORD = "Agent-pass-2026!x";

    private StaffAccount account(String role, String name, Map<String, Integer> skills) {
        return staff.create(new StaffAccountService.CreateCommand("bt" + ContactTestSupport.unique(), name, null, PASSWORD,
                List.of(role), "BANK", null, skills, true));
    }

    @Test
    void aChatIsRoutedBySkillAnsweredWithACannedResponseWrappedUpAndCountedOnTheWall(Browser customer, Browser agent,
                                                                                      Browser supervisor) {
        String q = ContactTestSupport.queue(queues, SkillRequirement.required("loans", 4));
        StaffAccount expert = account("AGENT", "Lena Expert", Map.of("lang-en", 4, "loans", 5));
        StaffAccount novice = account("AGENT", "Nick Novice", Map.of("lang-en", 4, "loans", 1));
        work.configure(expert.id(), Set.of(q), Map.of());
        work.configure(novice.id(), Set.of(q), Map.of());
        // the novice is available, and waiting longer: routing still passes them over for lack of the skill
        work.setPresence(new StaffPrincipal(novice.id(), novice.username(), novice.displayName(), Set.of(Role.AGENT),
                Scope.bank(), null), "AVAILABLE");
        StaffAccount boss = account("SUPERVISOR", "Sam Supervisor", Map.of());

        supervisor.login(boss.username(), PASSWORD);
        supervisor.open("/supervisor/wall?lang=en");
        supervisor.waitFor("#queue-" + q);
        assertThat(supervisor.find("#queue-" + q + " [data-field=answered]").getText()).isEqualTo("0");
        supervisor.waitFor("#wall-live");

        agent.login(expert.username(), PASSWORD);
        agent.open("/agent?lang=en");
        agent.waitFor("#workstation-live");
        new Select(agent.find("#presence")).selectByValue("AVAILABLE");
        agent.click("#presence-set");
        new WebDriverWait(agent.driver(), Duration.ofSeconds(5))
                .until(d -> "AVAILABLE".equals(d.findElement(By.id("presence-now")).getAttribute("data-state")));

        customer.open("/chat?lang=en&topic=" + q);
        customer.type("#chat-name", "Wang");
        customer.click("#chat-start-button");
        customer.waitFor("#chat-session");
        customer.type("#chat-input", "What is the rate of a home loan?");
        customer.click("#chat-send");
        customer.waitFor("#chat-lines .contact-line.mine");

        // the offer reaches the expert's workstation live, with why it is theirs
        var offer = agent.waitFor("#offers [id^=offer-]");
        String id = offer.getAttribute("id").substring("offer-".length());
        assertThat(agent.text("#offer-" + id + " .offer-why")).contains("loans 5 ≥ 4").contains("Lena Expert");
        agent.click("#accept-" + id);
        agent.waitFor("#conversation-" + id);
        new WebDriverWait(agent.driver(), Duration.ofSeconds(5)).until(d ->
                d.findElement(By.cssSelector("#conversation-" + id + " [data-part=timeline]")).getText()
                        .contains("What is the rate of a home loan?"));
        new WebDriverWait(customer.driver(), Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("chat-state")).getText().contains("Lena Expert joined the chat"));

        new Select(agent.find("#conversation-" + id + " [data-part=canned]")).selectByVisibleText("Greeting");
        agent.click("#conversation-" + id + " [data-part=insert]");
        assertThat(agent.find("#conversation-" + id + " [data-part=reply]").getAttribute("value"))
                .isEqualTo("Hello W***, this is Lena Expert from Fuwu Bank. How can I help you today?");
        agent.click("#conversation-" + id + " [data-part=send]");
        new WebDriverWait(customer.driver(), Duration.ofSeconds(5)).until(d ->
                d.findElement(By.id("chat-lines")).getText().contains("this is Lena Expert from Fuwu Bank"));
        // the knowledge panel: the agent looks up an answer and puts it in the reply
        agent.type("#conversation-" + id + " [data-part=knowledge-q]", "card stolen");
        agent.click("#conversation-" + id + " [data-part=knowledge-search]");
        new WebDriverWait(agent.driver(), Duration.ofSeconds(5)).until(d -> d.findElement(
                By.cssSelector("#conversation-" + id + " [data-part=knowledge]")).getText().contains("How do I report a lost or stolen card?"));
        agent.click("#conversation-" + id + " [data-part=knowledge] [data-use]");
        new WebDriverWait(agent.driver(), Duration.ofSeconds(5)).until(d -> d.findElement(
                By.cssSelector("#conversation-" + id + " [data-part=reply]")).getAttribute("value").contains("Block it at once"));
        customer.screenshot("contact-chat");
        agent.screenshot("contact-workstation");
        agent.find("#conversation-" + id + " [data-part=reply]").clear();

        // the supervisor monitors it live and whispers to the agent; the customer never sees the whisper
        supervisor.waitFor("#conv-" + id);
        supervisor.click("#conv-" + id + " [data-monitor]");
        new WebDriverWait(supervisor.driver(), Duration.ofSeconds(5)).until(d ->
                d.findElement(By.id("monitor-lines")).getText().contains("What is the rate of a home loan?"));
        supervisor.type("#whisper-text", "Mention the first-home discount");
        supervisor.click("#whisper-send");
        new WebDriverWait(agent.driver(), Duration.ofSeconds(5)).until(d ->
                d.findElement(By.cssSelector("#conversation-" + id + " [data-part=timeline]")).getText()
                        .contains("Mention the first-home discount"));
        assertThat(customer.text("#chat-lines")).doesNotContain("first-home discount");

        new Select(agent.find("#conversation-" + id + " [data-part=wrap-up]")).selectByValue("resolved");
        agent.click("#conversation-" + id + " [data-part=end]");
        new WebDriverWait(agent.driver(), Duration.ofSeconds(5))
                .until(d -> d.findElements(By.id("conversation-" + id)).isEmpty());
        new WebDriverWait(customer.driver(), Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("chat-state")).getText().contains("The conversation has ended"));
        // the customer rates the chat the agent served
        customer.waitFor("#chat-rating-form");
        customer.click("label[for=chat-score-4]");
        customer.type("#chat-rating-comment", "Quick and clear");
        customer.click("#chat-rating-send");
        new WebDriverWait(customer.driver(), Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("chat-rating-thanks")).isDisplayed());
        assertThat(customer.driver().findElement(By.id("chat-rating-form")).isDisplayed()).isFalse();
        customer.screenshot("contact-chat-rated");

        new WebDriverWait(supervisor.driver(), Duration.ofSeconds(10)).until(d ->
                d.findElement(By.cssSelector("#queue-" + q + " [data-field=answered]")).getText().equals("1"));
        assertThat(supervisor.find("#queue-" + q + " [data-field=offered]").getText()).isEqualTo("1");
        assertThat(supervisor.find("#agent-" + expert.id()).getText()).contains("Lena Expert");
        supervisor.screenshot("contact-wall");

        // every page in Chinese too
        supervisor.open("/supervisor/wall?lang=zh-CN");
        assertThat(supervisor.text("h1")).isEqualTo("班长监控墙");
        supervisor.screenshot("contact-wall-zh");
        supervisor.open("/supervisor/reports?lang=zh-CN");
        assertThat(supervisor.text("h1")).isEqualTo("客服中心报表");
        supervisor.open("/supervisor/responses?lang=zh-CN");
        assertThat(supervisor.text("h1")).isEqualTo("常用语与宏");
        agent.open("/agent?lang=zh-CN");
        assertThat(agent.text("h1")).isEqualTo("坐席工作台");
        customer.open("/chat?lang=zh-CN");
        assertThat(customer.text("#chat-start-button")).isEqualTo("开始咨询");
        customer.screenshot("contact-chat-zh");
    }
}
