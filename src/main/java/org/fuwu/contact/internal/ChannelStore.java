package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** What the channel adapters keep: accepted inbound ids, e-mail threading refs, and the outbox. */
@Repository
public class ChannelStore {

    private final JdbcClient jdbc;

    ChannelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> inbound(ContactChannel channel, String externalId) {
        return jdbc.sql("select conversation_id from contact_inbound where channel = :c and external_id = :e")
                .param("c", channel.name()).param("e", externalId).query(Long.class).optional();
    }

    void recordInbound(ContactChannel channel, String externalId, long conversationId, Instant at) {
        jdbc.sql("insert into contact_inbound (channel, external_id, conversation_id, received_at) values (:c, :e, :id, :at)")
                .param("c", channel.name()).param("e", externalId).param("id", conversationId).param("at", ts(at)).update();
    }

    /** The conversation of the first of these Message-IDs known, if any. */
    Optional<Long> conversationOfEmail(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select conversation_id from contact_email_ref where message_id in (:ids) order by conversation_id desc")
                .param("ids", List.copyOf(messageIds)).query(Long.class).list().stream().findFirst();
    }

    void recordEmail(String messageId, long conversationId) {
        int n = jdbc.sql("select count(*) from contact_email_ref where message_id = :m").param("m", messageId)
                .query(Integer.class).single();
        if (n == 0) {
            jdbc.sql("insert into contact_email_ref (message_id, conversation_id) values (:m, :c)").param("m", messageId)
                    .param("c", conversationId).update();
        }
    }

    /** The newest Message-ID of a thread received from the customer (what a reply answers), if any. */
    Optional<String> lastInboundEmail(long conversationId) {
        return jdbc.sql("""
                select external_id from contact_inbound where conversation_id = :c and channel = 'EMAIL'
                order by id desc limit 1""").param("c", conversationId).query(String.class).optional();
    }

    /** All Message-IDs of a thread, oldest first (the References of a reply). */
    List<String> emailRefs(long conversationId) {
        return jdbc.sql("select message_id from contact_email_ref where conversation_id = :c order by message_id")
                .param("c", conversationId).query(String.class).list();
    }

    /** A reply waiting to leave, or one that left or died. */
    public record OutboxRow(long id, long conversationId, ContactChannel channel, String addressEnc, String subjectEnc,
                            String bodyEnc, String inReplyTo, String status, int attempts, Instant nextAttemptAt,
                            String lastError, String externalId, Instant createdAt, Instant sentAt) {
    }

    long enqueue(long conversationId, ContactChannel channel, String addressEnc, String subjectEnc, String bodyEnc,
                 String inReplyTo, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into contact_outbox (conversation_id, channel, address_enc, subject_enc, body_enc, in_reply_to,
                    status, attempts, next_attempt_at, created_at)
                values (:c, :ch, :a, :s, :b, :r, 'PENDING', 0, :now, :now)""")
                .param("c", conversationId).param("ch", channel.name()).param("a", addressEnc).param("s", subjectEnc)
                .param("b", bodyEnc).param("r", inReplyTo).param("now", ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Due rows: pending and due, or claimed by an instance that did not finish in time. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from contact_outbox
                where (status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now)
                order by id limit :n""").param("now", ts(now)).param("n", limit).query(Long.class).list();
    }

    /** Claims a due row for one attempt; false when another instance has it. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                update contact_outbox set status = 'SENDING', claimed_until = :until, attempts = attempts + 1
                where id = :id and ((status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now))""")
                .param("until", ts(until)).param("id", id).param("now", ts(now)).update() == 1;
    }

    public Optional<OutboxRow> outbox(long id) {
        return jdbc.sql("select * from contact_outbox where id = :id").param("id", id).query(ChannelStore::row).optional();
    }

    void sent(long id, String externalId, Instant now) {
        jdbc.sql("update contact_outbox set status = 'SENT', sent_at = :now, external_id = :e, last_error = null, claimed_until = null where id = :id")
                .param("now", ts(now)).param("e", externalId).param("id", id).update();
    }

    void retryLater(long id, String error, Instant next) {
        jdbc.sql("update contact_outbox set status = 'PENDING', next_attempt_at = :next, last_error = :err, claimed_until = null where id = :id")
                .param("next", ts(next)).param("err", ConversationStore.clip(error, 500)).param("id", id).update();
    }

    void dead(long id, String error) {
        jdbc.sql("update contact_outbox set status = 'DEAD', last_error = :err, claimed_until = null where id = :id")
                .param("err", ConversationStore.clip(error, 500)).param("id", id).update();
    }

    /** Puts a dead row back to be sent now; false when it is not dead. */
    boolean revive(long id, Instant now) {
        return jdbc.sql("update contact_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now where id = :id and status = 'DEAD'")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    public List<OutboxRow> byStatus(String status, int limit) {
        return jdbc.sql("select * from contact_outbox where status = :s order by id desc limit :n").param("s", status)
                .param("n", limit).query(ChannelStore::row).list();
    }

    static OutboxRow row(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getLong("conversation_id"), ContactChannel.valueOf(rs.getString("channel")),
                rs.getString("address_enc"), rs.getString("subject_enc"), rs.getString("body_enc"), rs.getString("in_reply_to"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                rs.getString("external_id"), instant(rs, "created_at"), instant(rs, "sent_at"));
    }
}
