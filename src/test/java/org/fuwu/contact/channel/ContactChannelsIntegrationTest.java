package org.fuwu.contact.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.contact.ContactTestSupport;
import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ContactRouting;
import org.fuwu.contact.internal.Conversation;
import org.fuwu.contact.internal.ConversationStatus;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.contact.internal.Outbox;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.platform.Role;
import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.staff.internal.StaffAccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channels beyond chat, each against something that speaks its real wire format: the SMS webhook
 * signed with HMAC and replies through the SMS port; WeChat's signed XML webhook and a local server in
 * the place of WeChat's customer-service API; e-mail through GreenMail's real SMTP and IMAP servers.
 * And the outbox: failures retried, then dead-lettered, then sent again by an administrator.
 */
@FuwuIntegrationTest
@TestPropertySource(properties = {
        "fuwu.contact.channels.sms.webhook-secret=sms-webhook-secret-for-tests",
        "fuwu.contact.channels.wechat.token=wechat-token", "fuwu.contact.channels.wechat.app-id=wx-test-app",
        "fuwu.contact.channels.wechat.app-secret=wx-test-secret",
        "fuwu.contact.channels.email.address=service@fuwu-bank.test", "fuwu.contact.channels.email.smtp-host=127.0.0.1",
        "fuwu.contact.channels.email.smtp-port=3025", "fuwu.contact.channels.email.imap-host=127.0.0.1",
        "fuwu.contact.channels.email.imap-port=3143", "fuwu.contact.channels.email.password=mailbox-secret",
        "fuwu.contact.channels.email.ssl=false", "fuwu.contact.channels.email.poll=1h",
        "fuwu.contact.outbox.first-backoff=0s", "fuwu.contact.outbox.max-attempts=3", "fuwu.contact.outbox.poll=1h"})
class ContactChannelsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP_IMAP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("service@fuwu-bank.test", "mailbox-secret"))
            .withPerMethodLifecycle(false);

    /** WeChat's API as its documentation describes it: a token, then customer-service messages. */
    static final HttpServer WECHAT;
    static final List<String> WECHAT_SENT = new CopyOnWriteArrayList<>();

    static {
        try {
            WECHAT = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        WECHAT.createContext("/cgi-bin/token", x -> {
            boolean ok = x.getRequestURI().getQuery().contains("appid=wx-test-app")
                    && x.getRequestURI().getQuery().contains("secret=wx-test-secret");
            byte[] b = (ok ? "{\"access_token\":\"ACCESS-1\",\"expires_in\":7200}" : "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        WECHAT.createContext("/cgi-bin/message/custom/send", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean token = x.getRequestURI().getQuery().equals("access_token=ACCESS-1");
            if (token) {
                WECHAT_SENT.add(body);
            }
            byte[] b = (token ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        WECHAT.start();
    }

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry r) {
        r.add("fuwu.contact.channels.wechat.api-base-url", () -> "http://127.0.0.1:" + WECHAT.getAddress().getPort());
    }

    /** Records every SMS; answers FAILED for numbers marked failing. */
    static class RecordingSmsGateway implements SmsGateway {
        final List<SmsMessage> sent = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        @Override
        public SmsResult send(SmsMessage message) {
            sent.add(message);
            return failing.contains(message.to()) ? SmsResult.failed("HTTP 503") : SmsResult.accepted("gw-" + sent.size());
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
    RecordingSmsGateway sms;

    @Autowired
    StaffAccountService staff;

    @Autowired
    QueueAdmin queues;

    @Autowired
    AgentWork work;

    @Autowired
    ContactRouting routing;

    @Autowired
    ConversationStore conversations;

    @Autowired
    Outbox outbox;

    @Autowired
    EmailChannel email;

    @Autowired
    JdbcClient jdbc;

    /** An agent who serves the default queue, available; the conversation is offered to them and accepted. */
    private StaffPrincipal takeAsAgent(long conversationId, String language) {
        StaffPrincipal a = ContactTestSupport.agent(staff, "渠道" + ContactTestSupport.unique(),
                Map.of("lang-zh", 5, "lang-en", 5));
        // make this agent the only one who can take it: a queue of its own
        String q = ContactTestSupport.queue(queues);
        jdbc.sql("update contact_conversation set queue_code = :q where id = :id").param("q", q).param("id", conversationId).update();
        work.configure(a.accountId(), Set.of(q), Map.of());
        work.setPresence(a, "AVAILABLE");
        assertThat(ContactTestSupport.offeredTo(routing, conversations, conversationId)).isEqualTo(a.accountId());
        work.accept(a, conversationId);
        return a;
    }

    /**
     * Drains the outbox until the conversation's newest reply has left (the dispatcher, woken by the commit,
     * may be sending it on its own thread at the same time).
     */
    private void sent(long conversationId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            outbox.drain();
            String st = jdbc.sql("select status from contact_outbox where conversation_id = :c order by id desc limit 1")
                    .param("c", conversationId).query(String.class).single();
            if (!st.equals("PENDING") && !st.equals("SENDING")) {
                assertThat(st).isEqualTo("SENT");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the reply of conversation " + conversationId + " never left");
    }

    private org.springframework.test.web.servlet.ResultActions sms(String body, long timestamp, String secret) throws Exception {
        String ts = String.valueOf(timestamp);
        return mvc.perform(post("/api/v1/channels/sms/inbound").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Fuwu-Timestamp", ts)
                .header("X-Fuwu-Signature", Signatures.smsSignature(secret, ts, body.getBytes(StandardCharsets.UTF_8))));
    }

    private String customer(String mobile, String segment) throws Exception {
        var r = mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("name", "王小明", "mobile", mobile, "segment", segment))))
                .andExpect(status().isCreated()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString()).get("id").asString();
    }

    @Test
    void anSmsFromAKnownCustomerIsRecognisedVerifiedKeptOnceAndAnsweredBySms() throws Exception {
        String mobile = org.fuwu.customer.CustomerFixtures.mobile();
        String customerId = customer(mobile, "VIP");
        String id = "gw-in-" + ContactTestSupport.unique();
        String body = JSON.writeValueAsString(Map.of("from", "+86 " + mobile, "text", "我的卡被吞了", "messageId", id));
        long now = Instant.now().getEpochSecond();
        sms(body, now, "wrong-secret-but-long-enough").andExpect(status().isUnauthorized());
        sms(body, now - 3600, "sms-webhook-secret-for-tests").andExpect(status().isUnauthorized());
        JsonNode first = JSON.readTree(sms(body, now, "sms-webhook-secret-for-tests").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.duplicate").value(false)).andReturn().getResponse().getContentAsString());
        long conversationId = first.get("conversationId").asLong();
        // the gateway retries the same message: kept once
        sms(body, now, "sms-webhook-secret-for-tests").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.duplicate").value(true)).andExpect(jsonPath("$.conversationId").value(conversationId));
        Conversation c = conversations.find(conversationId).orElseThrow();
        assertThat(c.customerId()).isEqualTo(Long.valueOf(customerId));
        assertThat(c.verified()).as("the carrier vouches for the number").isTrue();
        assertThat(c.vip()).isTrue();
        assertThat(jdbc.sql("select count(*) from contact_event where conversation_id = :c and kind = 'MESSAGE'")
                .param("c", conversationId).query(Integer.class).single()).isEqualTo(1);
        // a second message from the same number joins the open conversation
        String body2 = JSON.writeValueAsString(Map.of("from", mobile, "text", "在吗", "messageId", id + "-2"));
        sms(body2, now, "sms-webhook-secret-for-tests").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.conversationId").value(conversationId));

        StaffPrincipal agent = takeAsAgent(conversationId, "zh-CN");
        work.reply(agent, conversationId, "您好，已为您冻结该卡。");
        sent(conversationId);
        assertThat(sms.sent).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo(mobile);
            assertThat(m.text()).isEqualTo("您好，已为您冻结该卡。");
        });
        // bad input: not JSON, no sender
        sms("not json", now, "sms-webhook-secret-for-tests").andExpect(status().isUnprocessableContent());
        sms("{\"text\":\"x\",\"messageId\":\"m1\"}", now, "sms-webhook-secret-for-tests")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void aReplyThatCannotBeSentIsRetriedThenDeadLetteredAndSentAgainByAnAdministrator() throws Exception {
        String mobile = org.fuwu.customer.CustomerFixtures.mobile();
        long now = Instant.now().getEpochSecond();
        String body = JSON.writeValueAsString(Map.of("from", mobile, "text", "余额多少", "messageId", "gw-" + ContactTestSupport.unique()));
        long conversationId = JSON.readTree(sms(body, now, "sms-webhook-secret-for-tests").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString()).get("conversationId").asLong();
        StaffPrincipal agent = takeAsAgent(conversationId, "zh-CN");
        sms.failing.add(mobile);
        work.reply(agent, conversationId, "请登录手机银行查询");
        for (int i = 0; i < 100 && !"DEAD".equals(jdbc.sql("select status from contact_outbox where conversation_id = :c")
                .param("c", conversationId).query(String.class).single()); i++) {
            outbox.drain();
            Thread.sleep(50);
        }
        assertThat(sms.sent.stream().filter(m -> m.to().equals(mobile))).hasSize(3);
        JsonNode dead = JSON.readTree(mvc.perform(get("/api/v1/contact/outbox?status=DEAD").with(as(Role.SUPERVISOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode row = null;
        for (JsonNode r : dead) {
            if (r.get("conversationId").asLong() == conversationId) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("address").asString()).isEqualTo(org.fuwu.platform.Masking.mobile(mobile));
        assertThat(row.get("attempts").asInt()).isEqualTo(3);
        assertThat(row.toString()).doesNotContain("请登录手机银行查询");
        sms.failing.remove(mobile);
        mvc.perform(post("/api/v1/contact/outbox/" + row.get("id").asLong() + "/retry").with(as(Role.AGENT)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/contact/outbox/" + row.get("id").asLong() + "/retry").with(as(Role.ADMIN)))
                .andExpect(status().isAccepted());
        sent(conversationId);
        mvc.perform(post("/api/v1/contact/outbox/" + row.get("id").asLong() + "/retry").with(as(Role.ADMIN)))
                .andExpect(status().isConflict());
    }

    private String wechatQuery(String timestamp, String nonce) {
        return "?signature=" + Signatures.wechatSignature("wechat-token", timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce;
    }

    @Test
    void weChatChecksItsSignatureWelcomesAFollowerAndAnswersThroughTheCustomerServiceApi() throws Exception {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        mvc.perform(get("/api/v1/channels/wechat" + wechatQuery(ts, "n1") + "&echostr=hello-wechat"))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string("hello-wechat"));
        mvc.perform(get("/api/v1/channels/wechat?signature=bad&timestamp=" + ts + "&nonce=n1&echostr=x"))
                .andExpect(status().isUnauthorized());
        String openid = "oWx" + ContactTestSupport.unique() + "abcdef";
        String subscribe = "<xml><ToUserName><![CDATA[gh_bank]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[subscribe]]></Event></xml>";
        String welcome = mvc.perform(post("/api/v1/channels/wechat" + wechatQuery(ts, "n2")).contentType(MediaType.TEXT_XML)
                .content(subscribe)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(welcome).contains("<ToUserName><![CDATA[" + openid + "]]></ToUserName>")
                .contains("<FromUserName><![CDATA[gh_bank]]></FromUserName>").contains("<MsgType><![CDATA[text]]></MsgType>")
                .contains("欢迎关注");
        String msgId = String.valueOf(System.nanoTime());
        String text = "<xml><ToUserName><![CDATA[gh_bank]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[信用卡账单怎么查]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        mvc.perform(post("/api/v1/channels/wechat" + wechatQuery(ts, "n3")).contentType(MediaType.TEXT_XML).content(text))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string("success"));
        mvc.perform(post("/api/v1/channels/wechat" + wechatQuery(ts, "n4")).contentType(MediaType.TEXT_XML).content(text))
                .andExpect(status().isOk());
        long conversationId = jdbc.sql("select conversation_id from contact_inbound where channel = 'WECHAT' and external_id = :m")
                .param("m", msgId).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from contact_event where conversation_id = :c and kind = 'MESSAGE'")
                .param("c", conversationId).query(Integer.class).single()).as("WeChat's retry kept once").isEqualTo(1);
        // XML with a DTD (an XXE attempt) is refused
        mvc.perform(post("/api/v1/channels/wechat" + wechatQuery(ts, "n5")).contentType(MediaType.TEXT_XML)
                .content("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Content>&e;</Content></xml>"))
                .andExpect(status().isUnprocessableContent());

        StaffPrincipal agent = takeAsAgent(conversationId, "zh-CN");
        work.reply(agent, conversationId, "请在公众号菜单“账单查询”中查看。");
        sent(conversationId);
        assertThat(WECHAT_SENT).anySatisfy(b -> {
            JsonNode j = JSON.readTree(b);
            assertThat(j.get("touser").asString()).isEqualTo(openid);
            assertThat(j.get("msgtype").asString()).isEqualTo("text");
            assertThat(j.at("/text/content").asString()).isEqualTo("请在公众号菜单“账单查询”中查看。");
        });
    }

    @Test
    void anEmailIsTakenByImapAnsweredBySmtpInItsThreadAndTheCustomersReplyJoinsIt() throws Exception {
        String from = "zhang.wei." + ContactTestSupport.unique() + "@example.cn";
        java.util.Properties smtp = new java.util.Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", "3025");
        Session session = Session.getInstance(smtp);
        MimeMessage first = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<first-" + from + ">");
            }
        };
        first.setFrom(new InternetAddress(from));
        first.setRecipient(Message.RecipientType.TO, new InternetAddress("service@fuwu-bank.test"));
        first.setSubject("转账失败", "UTF-8");
        first.setText("昨天的转账一直没有到账，请帮忙查询。", "UTF-8");
        jakarta.mail.Transport.send(first, new jakarta.mail.Address[]{new InternetAddress("service@fuwu-bank.test")});
        assertThat(email.poll()).isGreaterThanOrEqualTo(1);
        assertThat(email.poll()).as("seen mail is not taken twice").isZero();
        long conversationId = jdbc.sql("select conversation_id from contact_inbound where channel = 'EMAIL' and external_id = :m")
                .param("m", "<first-" + from + ">").query(Long.class).single();

        StaffPrincipal agent = takeAsAgent(conversationId, "zh-CN");
        work.reply(agent, conversationId, "您好，转账已在今天上午到账。");
        sent(conversationId);
        MimeMessage[] to = MAIL.getReceivedMessagesForDomain("example.cn");
        MimeMessage answer = null;
        for (MimeMessage m : to) {
            if (m.getAllRecipients()[0].toString().equals(from)) {
                answer = m;
            }
        }
        assertThat(answer).isNotNull();
        assertThat(answer.getSubject()).isEqualTo("Re: 转账失败");
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<first-" + from + ">");
        assertThat(String.valueOf(answer.getContent()).strip()).isEqualTo("您好，转账已在今天上午到账。");

        // the customer answers the reply: it joins the same conversation by In-Reply-To
        MimeMessage second = new MimeMessage(session);
        second.setFrom(new InternetAddress(from));
        second.setRecipient(Message.RecipientType.TO, new InternetAddress("service@fuwu-bank.test"));
        second.setSubject("Re: 转账失败", "UTF-8");
        second.setHeader("In-Reply-To", answer.getMessageID());
        second.setText("收到，谢谢！", "UTF-8");
        jakarta.mail.Transport.send(second, new jakarta.mail.Address[]{new InternetAddress("service@fuwu-bank.test")});
        email.poll();
        assertThat(jdbc.sql("select count(*) from contact_event where conversation_id = :c and kind = 'MESSAGE' and author_kind = 'CUSTOMER'")
                .param("c", conversationId).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aGuestVerifiedByAnSmsCodeIsLinkedToTheirCustomerFileAndTheAgentSeesTheirWholePicture() throws Exception {
        String mobile = org.fuwu.customer.CustomerFixtures.mobile();
        long customerId = Long.parseLong(customer(mobile, "VIP"));
        // the customer visited a branch before
        mvc.perform(post("/api/v1/branches/B001/tickets").with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\",\"customerId\":" + customerId + "}"))
                .andExpect(status().isCreated());
        JsonNode chat = JSON.readTree(mvc.perform(post("/api/v1/chat/conversations").contentType(MediaType.APPLICATION_JSON)
                .with(r -> { r.setRemoteAddr("10.88.0." + (1 + (int) (System.nanoTime() % 200))); return r; })
                .content("{\"language\":\"zh-CN\",\"name\":\"游客\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        String token = chat.get("token").asString();
        long id = chat.get("id").asLong();
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"12345\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("mobile"));
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}")).andExpect(status().isAccepted());
        SmsMessage otp = sms.sent.stream().filter(m -> m.to().equals(mobile)).reduce((a, b) -> b).orElseThrow();
        String code = otp.text().replaceAll("\\D*(\\d{6}).*", "$1");
        assertThat(code).matches("\\d{6}");
        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + wrong + "\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true)).andExpect(jsonPath("$.linked").value(true));
        Conversation c = conversations.find(id).orElseThrow();
        assertThat(c.customerId()).isEqualTo(customerId);
        assertThat(c.verified()).isTrue();
        assertThat(c.vip()).isTrue();
        // never asked again; the used code is gone
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\"}")).andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from customer where id = :c").param("c", customerId).query(Integer.class).single())
                .as("no customer was created").isEqualTo(1);

        String caseNumber = JSON.readTree(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"SERVICE_REQUEST\",\"requestKind\":\"CARD_REPLACEMENT\",\"customerId\":" + customerId + ",\"summary\":\"补卡\",\"channel\":\"BRANCH\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("number").asString();
        StaffPrincipal agent = takeAsAgent(id, "zh-CN");
        JsonNode view = JSON.readTree(mvc.perform(get("/api/v1/conversations/" + id + "/customer").with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(view.get("linked").asBoolean()).isTrue();
        assertThat(view.get("segment").asString()).isEqualTo("VIP");
        assertThat(view.get("maskedName").asString()).isEqualTo("王**");
        assertThat(view.get("identities").toString()).contains(org.fuwu.platform.Masking.mobile(mobile)).doesNotContain(mobile);
        assertThat(view.get("products").size()).isGreaterThanOrEqualTo(2);
        for (JsonNode product : view.get("products")) {
            assertThat(product.get("maskedNumber").asString()).matches("\\d{4}\\*+\\d{4}");
        }
        assertThat(view.get("lobbyVisits").size()).isEqualTo(1);
        assertThat(view.at("/lobbyVisits/0/branchCode").asString()).isEqualTo("B001");
        assertThat(view.at("/cases/0/number").asString()).isEqualTo(caseNumber);
        assertThat(view.get("cases").toString()).doesNotContain("补卡");
        StaffPrincipal stranger = ContactTestSupport.agent(staff, "旁人" + ContactTestSupport.unique(), Map.of("lang-zh", 3));
        mvc.perform(get("/api/v1/conversations/" + id + "/customer").with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void chatFilesAreCheckedByTheirBytesStoredAndOnlyDownloadedAndTheTranscriptGoesByEmail() throws Exception {
        JsonNode chat = JSON.readTree(mvc.perform(post("/api/v1/chat/conversations").contentType(MediaType.APPLICATION_JSON)
                .with(r -> { r.setRemoteAddr("10.89.0." + (1 + (int) (System.nanoTime() % 200))); return r; })
                .content("{\"language\":\"en\",\"name\":\"Li\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        String token = chat.get("token").asString();
        long id = chat.get("id").asLong();
        byte[] png = new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};
        var upload = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                "/api/v1/chat/conversations/" + token + "/attachments");
        JsonNode line = JSON.readTree(mvc.perform(upload.file(new org.springframework.mock.web.MockMultipartFile("file",
                        "../../etc/receipt.png", "image/png", png))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(line.get("kind").asString()).isEqualTo("ATTACHMENT");
        assertThat(line.get("text").asString()).isEqualTo("receipt.png");
        long attachment = Long.parseLong(line.get("data").asString().replaceAll("^attachment=(\\d+).*$", "$1"));
        var got = mvc.perform(get("/api/v1/chat/conversations/" + token + "/attachments/" + attachment))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(got.getContentAsByteArray()).isEqualTo(png);
        assertThat(got.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(got.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(got.getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(jdbc.sql("select content_enc from contact_attachment where id = :id").param("id", attachment)
                .query(String.class).single()).as("stored encrypted").doesNotContain("iVBORw0K");
        // an HTML page dressed as a picture, a PDF declared as a picture, and a file too large are refused
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/api/v1/chat/conversations/" + token + "/attachments").file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "x.png", "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/api/v1/chat/conversations/" + token + "/attachments").file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "x.png", "image/png", "%PDF-1.7 ...".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnprocessableContent());
        byte[] big = new byte[3 * 1024 * 1024 + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/api/v1/chat/conversations/" + token + "/attachments").file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "big.png", "image/png", big)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        // staff see it once the conversation is theirs; another conversation's id finds nothing
        StaffPrincipal agent = takeAsAgent(id, "en");
        mvc.perform(get("/api/v1/conversations/" + id + "/attachments/" + attachment).with(as(agent))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/conversations/" + id + "/attachments/" + (attachment + 100000)).with(as(agent)))
                .andExpect(status().isNotFound());
        work.reply(agent, id, "Thanks, I can see the receipt.");

        String to = "li." + ContactTestSupport.unique() + "@example.org";
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/transcript").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"not-an-address\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/api/v1/chat/conversations/" + token + "/transcript").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + to + "\"}")).andExpect(status().isAccepted());
        sent(id);
        MimeMessage mail = null;
        for (MimeMessage m : MAIL.getReceivedMessagesForDomain("example.org")) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                mail = m;
            }
        }
        assertThat(mail).isNotNull();
        assertThat(mail.getSubject()).isEqualTo("Your chat transcript #" + id);
        assertThat(String.valueOf(mail.getContent())).contains("[receipt.png]").contains("Thanks, I can see the receipt.");
    }

    @Test
    void oneMobileNumberGetsAtMostFiveCodesAnHourHoweverManyChatsAskForThem() throws Exception {
        String mobile = org.fuwu.customer.CustomerFixtures.mobile();
        for (int i = 0; i < 6; i++) {
            int n = i;
            String token = JSON.readTree(mvc.perform(post("/api/v1/chat/conversations").contentType(MediaType.APPLICATION_JSON)
                    .with(r -> { r.setRemoteAddr("10.90." + n + ".7"); return r; }).content("{\"language\":\"zh-CN\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("token").asString();
            mvc.perform(post("/api/v1/chat/conversations/" + token + "/verification").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"mobile\":\"" + mobile + "\"}"))
                    .andExpect(i < 5 ? status().isAccepted() : status().isConflict());
        }
        assertThat(sms.sent.stream().filter(m -> m.to().equals(mobile))).hasSize(5);
    }
}
