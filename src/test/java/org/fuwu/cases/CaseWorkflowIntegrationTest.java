package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.cases.internal.CaseNotices;
import org.fuwu.customer.CustomerFixtures;
import org.fuwu.platform.Role;
import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow of a case through the API, as a complaint officer and a supervisor use it: assignment (automatic on
 * opening, to an officer, back to the team, never to a recused officer), notes and tasks (no decision while a task is
 * open), notices by SMS (the recording gateway), e-mail (GreenMail's SMTP) and letter with their proof, the review,
 * acceptance, closure, reopening, and merging duplicates.
 */
@FuwuIntegrationTest
@TestPropertySource(properties = {"fuwu.cases.auto-assign=true", "fuwu.cases.notices.first-backoff=0s",
        "fuwu.cases.notices.max-attempts=3", "fuwu.cases.mail.host=127.0.0.1", "fuwu.cases.mail.port=30257",
        "fuwu.cases.mail.from=complaints@fuwu-bank.test", "fuwu.cases.notices.auto-channel=EMAIL"})
class CaseWorkflowIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(30257, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    /** Records every message; answers FAILED for numbers marked failing, REJECTED for numbers marked rejected. */
    static class RecordingSmsGateway implements SmsGateway {

        final List<SmsMessage> sent = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final Set<String> rejected = ConcurrentHashMap.newKeySet();

        @Override
        public SmsResult send(SmsMessage message) {
            sent.add(message);
            if (rejected.contains(message.to())) {
                return SmsResult.rejected("HTTP 400");
            }
            if (failing.remove(message.to())) {
                return SmsResult.failed("HTTP 503");
            }
            return SmsResult.accepted("gw-" + message.reference());
        }

        List<SmsMessage> to(String mobile) {
            return sent.stream().filter(m -> m.to().equals(mobile)).toList();
        }
    }

    @TestConfiguration
    static class Sms {

        @Bean
        @Primary
        RecordingSmsGateway caseRecordingSmsGateway() {
            return new RecordingSmsGateway();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingSmsGateway gateway;

    @Autowired
    CaseNotices notices;

    private JsonNode json(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    private ResultActions postJson(String path, Role role, String body) throws Exception {
        return mvc.perform(post(path).with(as(role)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    record Customer(long id, String mobile, String email) {
    }

    private Customer customer(String language) throws Exception {
        String mobile = CustomerFixtures.mobile();
        String email = "wu." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        long id = json(postJson("/api/v1/customers", Role.TELLER, "{\"name\":\"吴投诉\",\"mobile\":\"" + mobile + "\",\"email\":\""
                + email + "\",\"preferredLanguage\":\"" + language + "\"}").andExpect(status().isCreated())).get("id").asLong();
        return new Customer(id, mobile, email);
    }

    private long officer(String skill, int level) throws Exception {
        String username = "cw" + UUID.randomUUID().toString().substring(0, 8);
        return json(postJson("/api/v1/staff", Role.ADMIN, "{\"username\":\"" + username + "\",\"displayName\":\"专员" + username
                + "\",\"password\":\"Workflow-Secret-2026\",\"roles\":[\"COMPLAINT_OFFICER\"],\"scopeLevel\":\"BANK\",\"skills\":[{\"code\":\""
                + skill + "\",\"proficiency\":" + level + "}]}").andExpect(status().isCreated())).get("id").asLong();
    }

    private String username(long accountId) throws Exception {
        return json(mvc.perform(get("/api/v1/staff/" + accountId).with(as(Role.ADMIN))).andExpect(status().isOk()))
                .get("username").asString();
    }

    private long open(long customerId, String summary, String involved) throws Exception {
        return json(postJson("/api/v1/cases", Role.TELLER, "{\"type\":\"COMPLAINT\",\"customerId\":" + customerId + ",\"summary\":\""
                + summary + "\",\"channel\":\"BRANCH\",\"involvedStaff\":[" + (involved == null ? "" : "\"" + involved + "\"")
                + "]}").andExpect(status().isCreated())).get("id").asLong();
    }

    private JsonNode workflow(long id) throws Exception {
        return json(mvc.perform(get("/api/v1/cases/" + id + "/workflow").with(as(Role.SUPERVISOR))).andExpect(status().isOk()));
    }

    private JsonNode view(long id) throws Exception {
        return json(mvc.perform(get("/api/v1/cases/" + id).with(as(Role.SUPERVISOR))).andExpect(status().isOk()));
    }

    private List<String> kinds(long id) throws Exception {
        List<String> out = new ArrayList<>();
        view(id).get("timeline").forEach(l -> out.add(l.get("kind").asString()));
        return out;
    }

    private String detail(long id, String kind) throws Exception {
        String found = null;
        for (JsonNode l : view(id).get("timeline")) {
            if (l.get("kind").asString().equals(kind)) {
                found = l.get("detail").asString();
            }
        }
        assertThat(found).as("a " + kind + " line on the timeline").isNotNull();
        return found;
    }

    /** The notice after the dispatcher has tried it (this test drains, as the dispatcher would after the commit). */
    private JsonNode notice(long caseId, long noticeId, String until) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            notices.drain();
            for (JsonNode n : workflow(caseId).get("notices")) {
                if (n.get("id").asLong() == noticeId && n.get("status").asString().equals(until)) {
                    return n;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("notice " + noticeId + " never " + until + ": " + workflow(caseId).get("notices"));
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aComplaintIsAssignedInvestigatedToldDecidedReviewedClosedAndReopened() throws Exception {
        long cards = officer("cards", 5);
        long recusedOfficer = officer("cards", 5);
        Customer c = customer("zh-CN");
        long id = open(c.id(), "ATM吞卡后网点未及时处理", username(recusedOfficer));

        // opened: assigned at once through the routing core, never to the officer the complaint names
        JsonNode w = workflow(id);
        assertThat(w.get("team").asString()).isEqualTo("complaints");
        assertThat(kinds(id)).containsAnyOf("ASSIGNED", "ASSIGNED_TEAM");
        if (!w.get("officerId").isNull()) {
            assertThat(w.get("officerId").asLong()).isNotEqualTo(recusedOfficer);
            assertThat(detail(id, "ASSIGNED")).startsWith("assigned ").contains("fewest open cases").contains("1 recused");
        }
        JsonNode officers = json(mvc.perform(get("/api/v1/cases/" + id + "/officers").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk()));
        boolean sawRecused = false;
        for (JsonNode o : officers) {
            if (o.get("accountId").asLong() == recusedOfficer) {
                sawRecused = o.get("recused").asBoolean();
            }
        }
        assertThat(sawRecused).as("the named officer is listed as recused").isTrue();

        // assign by hand: the recused officer is refused, another taken, then back to the team, then automatic
        postJson("/api/v1/cases/" + id + "/assign", Role.SUPERVISOR, "{\"officerId\":" + recusedOfficer + "}")
                .andExpect(status().isConflict());
        postJson("/api/v1/cases/" + id + "/assign", Role.SUPERVISOR, "{\"officerId\":987654321}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("officerId"));
        postJson("/api/v1/cases/" + id + "/assign", Role.SUPERVISOR, "{\"officerId\":" + cards + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.officerId").value(cards)).andExpect(jsonPath("$.officerName").value(org.hamcrest.Matchers.startsWith("专员")));
        postJson("/api/v1/cases/" + id + "/assign", Role.SUPERVISOR, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.officerId").doesNotExist());
        JsonNode auto = json(postJson("/api/v1/cases/" + id + "/assign", Role.SUPERVISOR, "{\"auto\":true}")
                .andExpect(status().isOk()));
        assertThat(auto.get("officerId").isNull() || auto.get("officerId").asLong() != recusedOfficer).isTrue();
        assertThat(kinds(id)).contains("ASSIGNED", "ASSIGNED_TEAM");

        // not acknowledged yet: no acknowledgement notice
        postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER, "{\"kind\":\"ACKNOWLEDGEMENT\",\"channel\":\"SMS\"}")
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        JsonNode auto0 = workflow(id).get("notices").get(0);
        assertThat(auto0.get("kind").asString() + " " + auto0.get("channel").asString() + " " + auto0.get("createdBy").asString())
                .as("the acknowledgement is queued with the step (fuwu.cases.notices.auto-channel=EMAIL)")
                .isEqualTo("ACKNOWLEDGEMENT EMAIL test-complaint_officer");
        notice(id, auto0.get("id").asLong(), "SENT");

        // the acknowledgement by SMS: sent after the commit, the proof on the timeline, the number masked
        postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER, "{\"kind\":\"ACK\",\"channel\":\"SMS\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER, "{\"kind\":\"ACKNOWLEDGEMENT\",\"channel\":\"FAX\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        long sms = json(postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER,
                "{\"kind\":\"ACKNOWLEDGEMENT\",\"channel\":\"SMS\"}").andExpect(status().isAccepted())).get("noticeId").asLong();
        JsonNode sent = notice(id, sms, "SENT");
        String number = view(id).get("number").asString();
        assertThat(gateway.to(c.mobile())).hasSize(1);
        SmsMessage text = gateway.to(c.mobile()).get(0);
        assertThat(text.text()).startsWith("【福务银行】尊敬的吴投诉").contains(number).doesNotContain("{");
        assertThat(text.reference()).isEqualTo("case-notice-" + sms);
        assertThat(sent.get("maskedAddress").asString()).isEqualTo(c.mobile().substring(0, 3) + "****" + c.mobile().substring(7));
        assertThat(sent.get("result").asString()).isEqualTo("accepted gw-case-notice-" + sms);
        assertThat(sent.get("sentAt").isNull()).isFalse();
        assertThat(detail(id, "NOTICE_SENT")).contains("ACKNOWLEDGEMENT · SMS · " + sent.get("maskedAddress").asString())
                .doesNotContain(c.mobile());

        // investigation: a note, a task to another department; no decision while it is open
        postJson("/api/v1/cases/" + id + "/notes", Role.COMPLAINT_OFFICER, "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        postJson("/api/v1/cases/" + id + "/notes", Role.COMPLAINT_OFFICER, "{\"body\":\"客户称当日 14:00 吞卡\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.notes[0].body").value("客户称当日 14:00 吞卡"));
        postJson("/api/v1/cases/" + id + "/tasks", Role.COMPLAINT_OFFICER, "{\"department\":\"银行卡部\",\"responsible\":\"王工\","
                + "\"request\":\"调取 ATM 日志\",\"dueAt\":\"2020-01-01T00:00:00Z\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("dueAt"));
        String due = Instant.now().plus(Duration.ofDays(3)).toString();
        JsonNode withTask = json(postJson("/api/v1/cases/" + id + "/tasks", Role.COMPLAINT_OFFICER, "{\"department\":\"银行卡部\","
                + "\"responsible\":\"王工\",\"request\":\"调取 ATM 日志\",\"dueAt\":\"" + due + "\"}").andExpect(status().isOk()));
        assertThat(withTask.get("openTasks").asInt()).isEqualTo(1);
        JsonNode task = withTask.get("tasks").get(0);
        assertThat(task.get("status").asString()).isEqualTo("OPEN");
        assertThat(task.get("overdue").asBoolean()).isFalse();
        long taskId = task.get("id").asLong();
        postJson("/api/v1/cases/" + id + "/decide", Role.COMPLAINT_OFFICER, "{\"decision\":\"退还年费\"}")
                .andExpect(status().isConflict());
        postJson("/api/v1/cases/" + id + "/tasks/987654321/complete", Role.COMPLAINT_OFFICER, "{\"result\":\"x\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/cases/" + id + "/tasks/" + taskId + "/complete", Role.COMPLAINT_OFFICER, "{\"result\":\"日志显示设备故障\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.openTasks").value(0))
                .andExpect(jsonPath("$.tasks[0].result").value("日志显示设备故障"));
        postJson("/api/v1/cases/" + id + "/tasks/" + taskId + "/complete", Role.COMPLAINT_OFFICER, "{\"result\":\"again\"}")
                .andExpect(status().isConflict());
        postJson("/api/v1/cases/" + id + "/decide", Role.COMPLAINT_OFFICER, "{\"decision\":\"设备故障，退还卡片并致歉\"}")
                .andExpect(status().isOk());

        // the decision by e-mail (GreenMail) and by letter
        long mail = json(postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER,
                "{\"kind\":\"DECISION\",\"channel\":\"EMAIL\"}").andExpect(status().isAccepted())).get("noticeId").asLong();
        JsonNode mailed = notice(id, mail, "SENT");
        MimeMessage received = null;
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(c.email())) {
                received = m;
            }
        }
        assertThat(received).as("the decision mailed to the customer").isNotNull();
        assertThat(received.getSubject()).isEqualTo("您的投诉 " + number + " 处理结果");
        assertThat(String.valueOf(received.getContent())).contains("设备故障，退还卡片并致歉").contains("申请复核");
        assertThat(mailed.get("maskedAddress").asString()).doesNotContain(c.email()).contains("@example.test");
        long letter = json(postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER,
                "{\"kind\":\"DECISION\",\"channel\":\"LETTER\"}").andExpect(status().isAccepted())).get("noticeId").asLong();
        String page = mvc.perform(get("/cases/" + id + "/notices/" + letter + "/letter").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(number).contains("设备故障，退还卡片并致歉");
        assertThat(kinds(id)).contains("NOTICE_PRINTED");

        // the customer asks for a review: the case is in review (not closable), one review only
        postJson("/api/v1/cases/" + id + "/review", Role.COMPLAINT_OFFICER, "{\"reason\":\"\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        JsonNode inReview = json(postJson("/api/v1/cases/" + id + "/review", Role.COMPLAINT_OFFICER, "{\"reason\":\"要求赔偿误工\"}")
                .andExpect(status().isOk()));
        assertThat(inReview.get("status").asString()).isEqualTo("REVIEW");
        assertThat(inReview.get("review").get("state").asString()).isEqualTo("RUNNING");
        assertThat(Duration.between(Instant.now(), Instant.parse(inReview.get("review").get("dueAt").asString())).toDays())
                .isBetween(29L, 30L);
        mvc.perform(post("/api/v1/cases/" + id + "/close").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isConflict());
        postJson("/api/v1/cases/" + id + "/review", Role.COMPLAINT_OFFICER, "{\"reason\":\"again\"}").andExpect(status().isConflict());
        postJson("/api/v1/cases/" + id + "/review/decide", Role.COMPLAINT_OFFICER, "{\"decision\":\"维持原决定\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"))
                .andExpect(jsonPath("$.review.state").value("MET"));
        postJson("/api/v1/cases/" + id + "/review", Role.COMPLAINT_OFFICER, "{\"reason\":\"third\"}").andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cases/" + id + "/accept").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.customerAcceptedAt").exists());
        postJson("/api/v1/cases/" + id + "/root-cause", Role.COMPLAINT_OFFICER,
                "{\"rootCauseCode\":\"R04\",\"correctiveAction\":\"柜面复核流程加入双人核对\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/close").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());

        // reopened with a reason, decided and closed again (the callback is not scheduled twice)
        postJson("/api/v1/cases/" + id + "/reopen", Role.SUPERVISOR, "{}").andExpect(status().isUnprocessableContent());
        postJson("/api/v1/cases/" + id + "/reopen", Role.SUPERVISOR, "{\"reason\":\"客户再次来电\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED")).andExpect(jsonPath("$.reopenedCount").value(1));
        postJson("/api/v1/cases/" + id + "/reopen", Role.SUPERVISOR, "{\"reason\":\"twice\"}").andExpect(status().isConflict());
        postJson("/api/v1/cases/" + id + "/decide", Role.COMPLAINT_OFFICER, "{\"decision\":\"补偿 50 元\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/close").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        assertThat(kinds(id)).contains("NOTE", "TASK_CREATED", "TASK_COMPLETED", "REVIEW_REQUESTED", "REVIEW_DECIDED",
                "CUSTOMER_ACCEPTED", "REOPENED");
        assertThat(detail(id, "REOPENED")).isEqualTo("客户再次来电");
    }

    @Test
    void aFailedSmsIsRetriedAndARejectedOneIsDeadOnTheTimelineAndSentAgainOnRequest() throws Exception {
        Customer c = customer("en");
        long id = open(c.id(), "The app charged me twice", null);
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        gateway.failing.add(c.mobile());
        long n = json(postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER,
                "{\"kind\":\"ACKNOWLEDGEMENT\",\"channel\":\"SMS\"}").andExpect(status().isAccepted())).get("noticeId").asLong();
        JsonNode sent = notice(id, n, "SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(gateway.to(c.mobile())).hasSize(2).allSatisfy(m -> assertThat(m.reference()).isEqualTo("case-notice-" + n));
        assertThat(gateway.to(c.mobile()).get(1).text()).startsWith("[Fuwu Bank] Dear 吴投诉");

        gateway.rejected.add(c.mobile());
        long r = json(postJson("/api/v1/cases/" + id + "/notify", Role.COMPLAINT_OFFICER,
                "{\"kind\":\"ACKNOWLEDGEMENT\",\"channel\":\"SMS\"}").andExpect(status().isAccepted())).get("noticeId").asLong();
        JsonNode dead = notice(id, r, "DEAD");
        assertThat(dead.get("result").asString()).isEqualTo("HTTP 400");
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(kinds(id)).contains("NOTICE_FAILED");
        mvc.perform(post("/api/v1/cases/" + id + "/notices/" + n + "/resend").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isConflict());
        gateway.rejected.remove(c.mobile());
        mvc.perform(post("/api/v1/cases/" + id + "/notices/" + r + "/resend").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk());
        notice(id, r, "SENT");
    }

    @Test
    void withoutAnAddressForTheAutomaticChannelTheAcknowledgementIsALetterAndAnAnonymousCaseGetsNone() throws Exception {
        long customerId = json(postJson("/api/v1/customers", Role.TELLER, "{\"name\":\"孙无邮\",\"mobile\":\""
                + CustomerFixtures.mobile() + "\"}").andExpect(status().isCreated())).get("id").asLong();
        long id = open(customerId, "转账未到账", null);
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        JsonNode n = workflow(id).get("notices");
        assertThat(n).hasSize(1);
        assertThat(n.get(0).get("channel").asString()).isEqualTo("LETTER");
        assertThat(n.get(0).get("status").asString()).isEqualTo("PRINTED");
        assertThat(n.get(0).get("body").asString()).contains("孙无邮").contains(view(id).get("number").asString());

        long anonymous = json(postJson("/api/v1/cases", Role.TELLER, "{\"type\":\"COMPLAINT\",\"summary\":\"匿名投诉\","
                + "\"channel\":\"WEB_FORM\"}").andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/v1/cases/" + anonymous + "/acknowledge").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        assertThat(workflow(anonymous).get("notices")).isEmpty();
        postJson("/api/v1/cases/" + anonymous + "/notify", Role.COMPLAINT_OFFICER, "{\"kind\":\"ACKNOWLEDGEMENT\",\"channel\":\"LETTER\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void aDuplicateIsMergedIntoItsSurvivorClosedAsMergedAndLinkedBothWays() throws Exception {
        Customer c = customer("zh-CN");
        long survivor = open(c.id(), "信用卡年费被重复收取", null);
        long duplicate = open(c.id(), "信用卡年费重复扣款（重复登记）", null);
        postJson("/api/v1/cases/" + duplicate + "/tasks", Role.COMPLAINT_OFFICER, "{\"department\":\"信用卡中心\",\"responsible\":\"李工\","
                + "\"request\":\"核对扣款\",\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}").andExpect(status().isOk());
        long other = open(customer("zh-CN").id(), "别人的投诉", null);

        postJson("/api/v1/cases/" + survivor + "/merge", Role.COMPLAINT_OFFICER, "{\"duplicateId\":" + other + "}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("duplicateId"));
        postJson("/api/v1/cases/" + survivor + "/merge", Role.COMPLAINT_OFFICER, "{\"duplicateId\":" + survivor + "}")
                .andExpect(status().isUnprocessableContent());
        postJson("/api/v1/cases/987654321/merge", Role.COMPLAINT_OFFICER, "{\"duplicateId\":" + duplicate + "}")
                .andExpect(status().isNotFound());
        JsonNode merged = json(postJson("/api/v1/cases/" + survivor + "/merge", Role.COMPLAINT_OFFICER, "{\"duplicateId\":" + duplicate
                + "}").andExpect(status().isOk()));
        assertThat(merged.get("mergedFrom").toString()).contains(view(duplicate).get("number").asString());
        assertThat(merged.get("openTasks").asInt()).as("the duplicate's open task moved to the survivor").isEqualTo(1);

        JsonNode dup = workflow(duplicate);
        assertThat(dup.get("status").asString()).isEqualTo("CLOSED");
        assertThat(dup.get("mergedInto").asLong()).isEqualTo(survivor);
        assertThat(kinds(duplicate)).contains("OPENED", "MERGED_INTO");
        assertThat(view(duplicate).get("summary").asString()).isEqualTo("信用卡年费重复扣款（重复登记）");
        assertThat(kinds(survivor)).contains("MERGED_FROM");
        postJson("/api/v1/cases/" + survivor + "/merge", Role.COMPLAINT_OFFICER, "{\"duplicateId\":" + duplicate + "}")
                .andExpect(status().isConflict());
        postJson("/api/v1/cases/" + duplicate + "/reopen", Role.SUPERVISOR, "{\"reason\":\"by mistake\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("merged")));
    }

    @Test
    void templatesAreDataAnAdministratorChangesThemAndAnUnknownVariableIsRefused() throws Exception {
        mvc.perform(get("/api/v1/case-notice-templates").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.variables").isArray())
                .andExpect(jsonPath("$.templates.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(18)));
        mvc.perform(put("/api/v1/case-notice-templates/ACKNOWLEDGEMENT/LETTER/en").with(as(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Case {nmuber}\",\"body\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("subject"));
        mvc.perform(put("/api/v1/case-notice-templates/ACKNOWLEDGEMENT/PIGEON/en").with(as(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"x\",\"body\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(put("/api/v1/case-notice-templates/ACKNOWLEDGEMENT/LETTER/en").with(as(Role.COMPLAINT_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"x\",\"body\":\"x\"}")).andExpect(status().isForbidden());
    }

    @Test
    void theCasePageShowsTheWorkflowPanelInBothLanguagesAndItsButtonsAct() throws Exception {
        Customer c = customer("zh-CN");
        long id = open(c.id(), "网点排队两小时无人处理", null);
        String en = mvc.perform(get("/cases/" + id).with(as(Role.COMPLAINT_OFFICER)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("id=\"workflow\"").contains("Tasks to other departments").contains("Automatic (skills and workload)");
        String zh = mvc.perform(get("/cases/" + id).with(as(Role.COMPLAINT_OFFICER)).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("转办其他部门").contains("处理流程");

        mvc.perform(post("/cases/" + id + "/flow/note").with(as(Role.COMPLAINT_OFFICER))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("body", "已联系网点负责人"))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .flash().attributeExists("flash"));
        mvc.perform(post("/cases/" + id + "/flow/task").with(as(Role.COMPLAINT_OFFICER))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("department", "运营管理部").param("responsible", "赵经理").param("request", "核查排队记录")
                        .param("due", "not-a-date"))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .flash().attributeExists("caseError"));
        assertThat(workflow(id).get("notes").get(0).get("body").asString()).isEqualTo("已联系网点负责人");
        assertThat(workflow(id).get("tasks")).isEmpty();
        String after = mvc.perform(get("/cases/" + id).with(as(Role.COMPLAINT_OFFICER)).locale(java.util.Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("已联系网点负责人").contains("Note added");
    }
}
