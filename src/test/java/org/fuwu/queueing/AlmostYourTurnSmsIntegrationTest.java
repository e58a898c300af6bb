package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fuwu.platform.StaffFixtures.as;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.Role;
import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.fuwu.platform.sms.LoggingSmsGateway;
import org.fuwu.queueing.internal.AlmostTurnNotifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "almost your turn" SMS end to end: tickets taken with a notification number, tellers calling the
 * tickets ahead, and what reaches the SMS gateway (a recording gateway in front of the logging one). The
 * estimate criterion is switched off here ({@code minutes=0}) so that only the people ahead decide, as
 * the status page counts them; {@code AlmostYourTurnPolicyTest} covers the estimate.
 */
@FuwuIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"fuwu.queueing.almost-turn.people-ahead=2", "fuwu.queueing.almost-turn.minutes=0",
        "fuwu.queueing.anonymous-issues-per-window=10000"})
class AlmostYourTurnSmsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Records every message, then hands it to the logging gateway; answers FAILED for numbers marked failing. */
    static class RecordingSmsGateway implements SmsGateway {

        final List<SmsMessage> sent = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final LoggingSmsGateway logging = new LoggingSmsGateway();

        @Override
        public SmsResult send(SmsMessage message) {
            sent.add(message);
            if (failing.contains(message.to())) {
                return SmsResult.failed("HTTP 503");
            }
            return logging.send(message);
        }

        List<SmsMessage> to(String mobile) {
            return sent.stream().filter(m -> m.to().equals(mobile)).toList();
        }
    }

    @TestConfiguration
    static class Sms {

        @Bean
        @Primary
        RecordingSmsGateway recordingSmsGateway() {
            return new RecordingSmsGateway();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordingSmsGateway gateway;

    @Autowired
    AlmostTurnNotifier notifier;

    @Autowired
    PersonalData personalData;

    private String branch;

    @BeforeEach
    void lobby() throws Exception {
        branch = QueueingTestSupport.lobby(mvc);
    }

    /** A fresh, valid mainland mobile number, so that no two tests share one. */
    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private JsonNode take(String service, String mobile, String language) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceCode", service);
        body.put("channel", "KIOSK");
        if (mobile != null) {
            body.put("notifyMobile", mobile);
        }
        if (language != null) {
            body.put("notifyLanguage", language);
        }
        MvcResult r = mvc.perform(post("/api/v1/branches/" + branch + "/tickets").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isCreated()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    /** Calls the next ticket to a counter (which must be free); returns its number. */
    private String callNext(String counter) throws Exception {
        return called(counter).get("number").asString();
    }

    private JsonNode called(String counter) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/branches/" + branch + "/counters/" + counter + "/call-next")
                .with(as(Role.TELLER))).andExpect(status().isOk()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    /** Calls, starts and completes the next ticket at a counter, leaving the counter free; returns its number. */
    private String serveNext(String counter) throws Exception {
        JsonNode t = called(counter);
        long id = t.get("id").asLong();
        mvc.perform(post("/api/v1/tickets/" + id + "/start").with(as(Role.TELLER))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tickets/" + id + "/complete").with(as(Role.TELLER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"DONE\"}")).andExpect(status().isOk());
        return t.get("number").asString();
    }

    /** Lets the after-commit evaluations of this instance finish, then one more in the caller's thread. */
    private void settle() {
        await().atMost(WAIT).until(() -> notifier.evaluate(branch) == 0);
    }

    private String outcome(long ticketId) {
        return jdbc.sql("select almost_sms_outcome from queue_ticket where id = :id").param("id", ticketId)
                .query(String.class).list().get(0);
    }

    /** The messages sent for this test's branch (by the ticket ids in their references). */
    private List<SmsMessage> sentForBranch() {
        Set<String> refs = Set.copyOf(jdbc.sql("select id from queue_ticket where branch_code = :b").param("b", branch)
                .query(Long.class).list().stream().map(id -> "queue-almost-" + id).toList());
        return gateway.sent.stream().filter(m -> refs.contains(m.reference())).toList();
    }

    @Test
    void exactlyOneMessageReachesTheGatewayForTheTicketThatComesWithinTwoAndNoneTwiceNorWithoutANumber(
            CapturedOutput output) throws Exception {
        String m4 = mobile();
        String m5 = mobile();
        take("A", null, null);                              // A001
        take("A", null, null);                              // A002
        take("A", null, null);                              // A003
        JsonNode a4 = take("A", m4, null);                  // A004: 3 ahead, not yet
        JsonNode a5 = take("A", " +86 " + m5.substring(0, 3) + "-" + m5.substring(3), "en"); // A005: 4 ahead
        take("A", null, null);                              // A006: no number, never texted
        assertThat(a4.get("notifyMobile").asString()).isEqualTo(m4.substring(0, 3) + "****" + m4.substring(7));
        settle();
        assertThat(gateway.to(m4)).as("3 ahead is not yet near").isEmpty();

        assertThat(serveNext("C01")).isEqualTo("A001");      // A004 now has 2 ahead
        await().atMost(WAIT).until(() -> gateway.to(m4).size() == 1);
        settle();
        assertThat(gateway.to(m5)).as("A005 still has 3 ahead").isEmpty();
        SmsMessage first = gateway.to(m4).get(0);
        assertThat(first.text()).isEqualTo("【服务银行】您的 A004 号即将叫到，前面还有 2 位，请回到大堂等候。");
        assertThat(first.reference()).isEqualTo("queue-almost-" + a4.get("id").asLong());

        assertThat(serveNext("C02")).isEqualTo("A002");      // A004: 1 ahead, already told; A005: 2 ahead
        await().atMost(WAIT).until(() -> gateway.to(m5).size() == 1);
        assertThat(gateway.to(m5).get(0).text())
                .isEqualTo("[Fuwu Bank] Your number A005 will be called soon: 2 ahead of you. Please come back to the lobby.");

        serveNext("C01");                                    // A003
        serveNext("C02");                                    // A004
        serveNext("C01");                                    // A005
        serveNext("C02");                                    // A006
        settle();
        assertThat(gateway.to(m4)).as("never twice").hasSize(1);
        assertThat(gateway.to(m5)).as("never twice").hasSize(1);
        assertThat(sentForBranch()).as("only the tickets with a number, once each")
                .extracting(SmsMessage::reference, SmsMessage::to)
                .containsExactly(org.assertj.core.api.Assertions.tuple("queue-almost-" + a4.get("id").asLong(), m4),
                        org.assertj.core.api.Assertions.tuple("queue-almost-" + a5.get("id").asLong(), m5));

        long id4 = a4.get("id").asLong();
        assertThat(outcome(id4)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select almost_sms_detail from queue_ticket where id = :id").param("id", id4)
                .query(String.class).single()).startsWith("log-");
        assertThat(jdbc.sql("select count(*) from queue_ticket_event where ticket_id = :id and type = 'ALMOST_TURN_SMS'")
                .param("id", id4).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/tickets/" + id4).with(as(Role.TELLER)))   // what the counter console shows
                .andExpect(jsonPath("$.almostTurnSms.maskedMobile").value(m4.substring(0, 3) + "****" + m4.substring(7)))
                .andExpect(jsonPath("$.almostTurnSms.outcome").value("ACCEPTED"))
                .andExpect(jsonPath("$.almostTurnSms.notifiedAt").isNotEmpty());
        mvc.perform(get("/api/v1/tickets/status/" + a5.get("statusToken").asString()))
                .andExpect(jsonPath("$.notifyMobile").value(m5.substring(0, 3) + "****" + m5.substring(7)))
                .andExpect(jsonPath("$.almostTurnSms").value("ACCEPTED"))
                .andExpect(jsonPath("$.almostTurnSmsAt").isNotEmpty());

        // personal data: stored only encrypted, never in the log
        String stored = jdbc.sql("select notify_mobile_enc from queue_ticket where id = :id").param("id", id4)
                .query(String.class).single();
        assertThat(stored).doesNotContain(m4);
        assertThat(personalData.decrypt(stored)).isEqualTo(m4);
        assertThat(output.getAll()).contains("SMS not sent (logging gateway")
                .contains(m4.substring(0, 3) + "****" + m4.substring(7))
                .doesNotContain(m4).doesNotContain(m5);
    }

    @Test
    void aTicketThatNoLongerWaitsIsNeverTexted() throws Exception {
        String cancelled = mobile();
        String called = mobile();
        take("A", null, null);                              // A001
        take("A", null, null);                              // A002
        take("A", null, null);                              // A003
        JsonNode a4 = take("A", cancelled, null);           // A004: 3 ahead
        mvc.perform(post("/api/v1/tickets/status/" + a4.get("statusToken").asString() + "/cancel"))
                .andExpect(status().isOk());
        // A005 gets its number stored while it waits, and is called before any evaluation could text it
        // (the race the claim guards: the claim requires WAITING)
        JsonNode b1 = take("B", null, null);
        assertThat(serveNext("C02")).isEqualTo("A001");
        jdbc.sql("update queue_ticket set status = 'CALLED', notify_mobile_enc = :enc where id = :id")
                .param("enc", personalData.encrypt(called)).param("id", b1.get("id").asLong()).update();

        serveNext("C01");                                    // A002
        serveNext("C01");                                    // A003: the cancelled A004 would have been next
        settle();

        assertThat(gateway.to(cancelled)).isEmpty();
        assertThat(gateway.to(called)).isEmpty();
        assertThat(sentForBranch()).isEmpty();
        assertThat(outcome(a4.get("id").asLong())).isNull();
    }

    @Test
    void concurrentEvaluationsAsOnSeveralInstancesSendOneMessage() throws Exception {
        String m = mobile();
        take("A", null, null);
        take("A", null, null);
        take("A", null, null);
        JsonNode t = take("A", m, null);                    // 3 ahead
        settle();
        // the ticket becomes due without an event of this instance (another instance called A001)
        jdbc.sql("update queue_ticket set status = 'CALLED' where branch_code = :b and number = 'A001'")
                .param("b", branch).update();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(() -> notifier.evaluate(branch));
            }
            int claimed = 0;
            for (Future<Integer> f : pool.invokeAll(runs)) {
                claimed += f.get();
            }
            assertThat(claimed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(gateway.to(m)).hasSize(1);
        assertThat(outcome(t.get("id").asLong())).isEqualTo("ACCEPTED");
    }

    @Test
    void aFailedSendIsRecordedWithoutTheNumberAndTheCallStands(CapturedOutput output) throws Exception {
        String m = mobile();
        gateway.failing.add(m);
        take("A", null, null);
        take("A", null, null);
        take("A", null, null);
        JsonNode t = take("A", m, null);
        assertThat(callNext("C01")).isEqualTo("A001");
        await().atMost(WAIT).until(() -> "FAILED".equals(outcome(t.get("id").asLong())));
        settle();

        assertThat(gateway.to(m)).as("not retried by the lobby: at most once").hasSize(1);
        assertThat(jdbc.sql("select status from queue_ticket where branch_code = :b and number = 'A001'")
                .param("b", branch).query(String.class).single()).isEqualTo("CALLED");
        assertThat(jdbc.sql("select almost_sms_detail from queue_ticket where id = :id").param("id", t.get("id").asLong())
                .query(String.class).single()).isEqualTo("HTTP 503");
        assertThat(output.getAll()).contains("not delivered: FAILED HTTP 503").doesNotContain(m);
    }

    @Test
    void aNumberGivenOnTheStatusPageIsTextedAtOnceWhenTheTicketIsAlreadyNear() throws Exception {
        String m = mobile();
        JsonNode t = take("B", null, null);                 // nobody ahead
        String token = t.get("statusToken").asString();
        mvc.perform(post("/q/" + token + "/notify").with(csrf()).param("notifyMobile", m)
                        .header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/q/" + token));
        await().atMost(WAIT).until(() -> gateway.to(m).size() == 1);
        assertThat(gateway.to(m).get(0).text()).contains("B001").contains("you are next");
        // once texted, the number cannot be changed for a second message
        mvc.perform(put("/api/v1/tickets/status/" + token + "/notify-mobile").contentType(MediaType.APPLICATION_JSON)
                .content("{\"notifyMobile\":\"" + mobile() + "\"}")).andExpect(status().isConflict());
        mvc.perform(get("/q/" + token).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString(m.substring(0, 3) + "****" + m.substring(7)),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(m)))));
        // the teller who calls it sees that it was texted, masked
        assertThat(callNext("C02")).isEqualTo("B001");
        mvc.perform(get("/counter/" + branch + "/C02").with(as(Role.TELLER)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("SMS to " + m.substring(0, 3) + "****" + m.substring(7)
                                        + ": ACCEPTED"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(m)))));
    }

    @Test
    void aBadNotificationNumberOrLanguageIsRefusedNamingTheFieldAndIssuesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from queue_ticket where branch_code = :b").param("b", branch)
                .query(Long.class).single();
        mvc.perform(post("/api/v1/branches/" + branch + "/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\",\"notifyMobile\":\"12345\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("notifyMobile")));
        mvc.perform(post("/api/v1/branches/" + branch + "/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\",\"notifyMobile\":\"13912345678\","
                                + "\"notifyLanguage\":\"fr\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("notifyLanguage")));
        mvc.perform(post("/api/v1/branches/" + branch + "/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\",\"notifyMobile\":\"" + "1".repeat(31) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("notifyMobile")));
        mvc.perform(post("/kiosk/" + branch + "/tickets").with(csrf()).param("serviceCode", "A")
                        .param("notifyMobile", "0211234567"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/kiosk/" + branch))
                .andExpect(flash().attribute("kioskErrorField", "notifyMobile"));
        mvc.perform(post("/remote/" + branch + "/tickets").with(csrf()).param("serviceCode", "A")
                        .param("notifyMobile", "139123"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("remoteErrorField", "notifyMobile"));
        assertThat(jdbc.sql("select count(*) from queue_ticket where branch_code = :b").param("b", branch)
                .query(Long.class).single()).as("nothing issued").isEqualTo(before);

        JsonNode t = take("A", null, null);
        mvc.perform(put("/api/v1/tickets/status/" + t.get("statusToken").asString() + "/notify-mobile")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"notifyMobile\":\"2345\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("notifyMobile")));
        mvc.perform(put("/api/v1/tickets/status/" + t.get("statusToken").asString() + "/notify-mobile")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("notifyMobile")));
    }

    @Test
    void theKioskAndRemotePagesOfferTheNumberAndTheKioskTakesOne() throws Exception {
        mvc.perform(get("/kiosk/" + branch)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("name=\"notifyMobile\"")));
        mvc.perform(get("/remote")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("name=\"notifyMobile\"")));
        String m = mobile();
        MvcResult r = mvc.perform(post("/kiosk/" + branch + "/tickets").with(csrf()).param("serviceCode", "A")
                        .param("notifyMobile", m).header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String token = r.getResponse().getRedirectedUrl().replaceAll(".*/tickets/", "");
        mvc.perform(get("/api/v1/tickets/status/" + token))
                .andExpect(jsonPath("$.notifyMobile").value(m.substring(0, 3) + "****" + m.substring(7)));
        await().atMost(WAIT).until(() -> gateway.to(m).size() == 1);
        assertThat(gateway.to(m).get(0).text()).startsWith("【服务银行】").contains("下一位就是您");
    }
}
