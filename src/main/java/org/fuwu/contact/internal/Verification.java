package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.Segment;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Identifiers;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifying a chatting customer by a one-time code sent by SMS to their mobile. A right code links the
 * conversation to the customer file of that mobile (found by its blind index; a customer is never
 * created here, so never duplicated) and marks it verified; a mobile the bank does not know is still
 * verified, but linked to no one. A conversation that its channel already verified (SMS, WeChat, an IVR
 * PIN) is never asked again (409). Codes: 6 digits, 5 minutes, 5 wrong entries, 3 codes in 10 minutes per
 * conversation and 5 an hour per mobile number.
 */
@Service
public class Verification {

    static final Duration LIFE = Duration.ofMinutes(5);
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int MAX_SENDS = 3;
    static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a right code did: verified, and the customer linked when the bank knows the mobile. */
    public record Result(boolean verified, boolean linked) {
    }

    private final ChatService chat;
    private final ConversationStore conversations;
    private final CustomerDirectory customers;
    private final PersonalData personalData;
    private final SmsGateway sms;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    /**
     * Codes per mobile number across conversations (a guest may start many chats): at most 5 an hour per
     * number, so the code cannot be used to flood someone's phone (SMS pumping). In memory, per instance.
     */
    private final org.fuwu.platform.ClientRateLimit perMobile;

    Verification(ChatService chat, ConversationStore conversations, CustomerDirectory customers, PersonalData personalData,
                 SmsGateway sms, Timeline timeline, JdbcClient jdbc, Clock clock, PlatformTransactionManager txManager) {
        this.chat = chat;
        this.conversations = conversations;
        this.customers = customers;
        this.personalData = personalData;
        this.sms = sms;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.perMobile = new org.fuwu.platform.ClientRateLimit(5, Duration.ofHours(1), clock);
    }

    /** Sends a code to the mobile; 422 naming {@code mobile} when it is not one, 409 when verified or over the limit. */
    public Instant start(String token, String mobile) {
        String m = mobile == null ? "" : Identifiers.normaliseMobile(mobile.strip());
        if (!Identifiers.isMobile(m)) {
            throw FieldValidationException.of("mobile", "queueing.validation.mobile");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Conversation c = chat.byToken(token);
        if (!perMobile.tryAcquire(personalData.blindIndex("otp-mobile", m))) {
            throw new ConflictException("contact.conflict.tooManyCodes");
        }
        Instant expires = tx.execute(s -> {
            Conversation now = conversations.find(c.id()).orElseThrow();
            if (now.verified()) {
                throw new ConflictException("contact.conflict.alreadyVerified");
            }
            if (!now.status().open()) {
                throw new ConflictException("contact.conflict.conversationOver", String.valueOf(c.id()));
            }
            Instant at = clock.instant();
            var row = jdbc.sql("select sends, window_start from contact_verification where conversation_id = :c for update")
                    .param("c", c.id()).query((rs, n) -> new Object[]{rs.getInt(1), instant(rs, "window_start")}).optional();
            Instant exp = at.plus(LIFE);
            String hash = hash(c.id(), code);
            if (row.isEmpty()) {
                jdbc.sql("""
                        insert into contact_verification (conversation_id, mobile_enc, code_hash, expires_at, attempts, sends, window_start)
                        values (:c, :m, :h, :e, 0, 1, :at)""").param("c", c.id()).param("m", personalData.encrypt(m))
                        .param("h", hash).param("e", ts(exp)).param("at", ts(at)).update();
            } else {
                int sends = (Integer) row.get()[0];
                Instant windowStart = (Instant) row.get()[1];
                boolean newWindow = at.isAfter(windowStart.plus(WINDOW));
                if (!newWindow && sends >= MAX_SENDS) {
                    throw new ConflictException("contact.conflict.tooManyCodes");
                }
                jdbc.sql("""
                        update contact_verification set mobile_enc = :m, code_hash = :h, expires_at = :e, attempts = 0,
                            sends = :s, window_start = :w where conversation_id = :c""")
                        .param("m", personalData.encrypt(m)).param("h", hash).param("e", ts(exp))
                        .param("s", newWindow ? 1 : sends + 1).param("w", ts(newWindow ? at : windowStart)).param("c", c.id())
                        .update();
            }
            return exp;
        });
        // after the commit, outside the transaction; never logged
        sms.send(new SmsMessage(m, (c.language().startsWith("en") ? "Your verification code is " + code
                + ". It expires in 5 minutes." : "您的验证码为 " + code + "，5 分钟内有效。请勿告诉他人。"), "fuwu-otp-" + c.id()));
        return expires;
    }

    /** Checks a code; 409 when none is live, expired or tried too often, 422 naming {@code code} when wrong. */
    public Result confirm(String token, String code) {
        Conversation c = chat.byToken(token);
        String given = code == null ? "" : code.strip();
        Object outcome = tx.execute(s -> {
            var row = jdbc.sql("select mobile_enc, code_hash, expires_at, attempts from contact_verification where conversation_id = :c for update")
                    .param("c", c.id()).query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), instant(rs, "expires_at"),
                            rs.getInt(4)}).optional();
            Instant now = clock.instant();
            if (row.isEmpty() || ((Instant) row.get()[2]).isBefore(now) || (Integer) row.get()[3] >= MAX_ATTEMPTS) {
                return new ConflictException("contact.conflict.noLiveCode");
            }
            if (!given.matches("[0-9]{6}") || !java.security.MessageDigest.isEqual(hash(c.id(), given).getBytes(),
                    ((String) row.get()[1]).getBytes())) {
                jdbc.sql("update contact_verification set attempts = attempts + 1 where conversation_id = :c").param("c", c.id()).update();
                return FieldValidationException.of("code", "contact.validation.code");
            }
            String mobile = personalData.decrypt((String) row.get()[0]);
            jdbc.sql("delete from contact_verification where conversation_id = :c").param("c", c.id()).update();
            CustomerRef customer = customers.findByIdentity(IdentityKind.MOBILE, mobile).filter(CustomerRef::active).orElse(null);
            conversations.verify(c.id(), customer == null ? null : customer.id(),
                    customer != null && customer.segment() != Segment.ORDINARY,
                    customer == null ? null : personalData.encrypt(customer.name()));
            Conversation after = conversations.find(c.id()).orElseThrow();
            timeline.append(c.id(), after.currentAgent(), "STATUS", "ALL", "SYSTEM", null, null,
                    "verified=true;linked=" + (customer != null), now);
            return new Result(true, customer != null);
        });
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        return (Result) outcome;
    }

    private String hash(long conversationId, String code) {
        return personalData.blindIndex("otp", conversationId + ":" + code);
    }
}
