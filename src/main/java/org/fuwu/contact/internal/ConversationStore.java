package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fuwu.routing.Media;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations and their offers in the database. Every change of status is a conditional update on
 * the status it expects, so two instances (or an agent and the routing round) never both win.
 */
@Repository
public class ConversationStore {

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new conversation. */
    record NewConversation(String token, ContactChannel channel, String language, String customerNameEnc,
                           Long customerId, boolean verified, boolean vip, String topic, String queueCode, int priority,
                           Long preferredAgentId, String idempotencyKey, Instant at, String addressEnc,
                           String addressIndex, String subjectEnc) {

        NewConversation(String token, ContactChannel channel, String language, String customerNameEnc, Long customerId,
                        boolean verified, boolean vip, String topic, String queueCode, int priority, Long preferredAgentId,
                        String idempotencyKey, Instant at) {
            this(token, channel, language, customerNameEnc, customerId, verified, vip, topic, queueCode, priority,
                    preferredAgentId, idempotencyKey, at, null, null, null);
        }
    }

    long insert(NewConversation c) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into contact_conversation (token, channel, media, status, language, customer_name_enc, customer_id,
                    verified, vip, topic, queue_code, priority, created_at, queued_at, preferred_agent_id, idempotency_key,
                    address_enc, address_index, subject_enc)
                values (:token, :channel, :media, 'QUEUED', :lang, :name, :cust, :verified, :vip, :topic, :queue, :prio,
                    :at, :at, :pref, :idem, :addr, :addrIdx, :subj)""")
                .param("token", c.token()).param("channel", c.channel().name()).param("media", c.channel().media().name())
                .param("lang", c.language()).param("name", c.customerNameEnc()).param("cust", c.customerId())
                .param("verified", c.verified()).param("vip", c.vip()).param("topic", c.topic())
                .param("queue", c.queueCode()).param("prio", c.priority()).param("at", ts(c.at()))
                .param("pref", c.preferredAgentId()).param("idem", c.idempotencyKey())
                .param("addr", c.addressEnc()).param("addrIdx", c.addressIndex()).param("subj", c.subjectEnc())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Conversation> find(long id) {
        return jdbc.sql("select * from contact_conversation where id = :id").param("id", id)
                .query(ConversationStore::row).optional();
    }

    Optional<Conversation> findByToken(String token) {
        return jdbc.sql("select * from contact_conversation where token = :t").param("t", token)
                .query(ConversationStore::row).optional();
    }

    Optional<Conversation> findByIdempotencyKey(String key) {
        return jdbc.sql("select * from contact_conversation where idempotency_key = :k").param("k", key)
                .query(ConversationStore::row).optional();
    }

    Optional<Conversation> findByCall(String callId) {
        return jdbc.sql("select * from contact_conversation where call_id = :c").param("c", callId)
                .query(ConversationStore::row).optional();
    }

    void setCall(long id, String callId, String state) {
        jdbc.sql("update contact_conversation set call_id = coalesce(:c, call_id), call_state = :s where id = :id")
                .param("c", callId).param("s", state).param("id", id).update();
    }

    /** A verified customer: linked when known (their name replaces what they typed), VIP by their segment. */
    void verify(long id, Long customerId, boolean vip, String nameEnc) {
        jdbc.sql("""
                update contact_conversation set verified = true, customer_id = coalesce(:c, customer_id), vip = (vip or :vip),
                    customer_name_enc = coalesce(:n, customer_name_enc), version = version + 1 where id = :id""")
                .param("c", customerId).param("vip", vip).param("n", nameEnc).param("id", id).update();
    }

    String callbackNumber(long id) {
        return jdbc.sql("select callback_number_enc from contact_conversation where id = :id").param("id", id)
                .query(String.class).single();
    }

    /** Virtual hold: the caller hung up and is called back; the conversation keeps its place. */
    void setCallback(long id, String numberEnc) {
        jdbc.sql("update contact_conversation set callback = true, callback_number_enc = :n, call_state = 'ENDED' where id = :id")
                .param("n", numberEnc).param("id", id).update();
    }

    /** The open conversation of a sender on a channel (by the blind index of their address), if any. */
    Optional<Conversation> openByAddress(ContactChannel channel, String addressIndex) {
        return jdbc.sql("""
                select * from contact_conversation where channel = :ch and address_index = :a
                    and status in ('QUEUED', 'OFFERED', 'ASSIGNED') order by id desc limit 1""")
                .param("ch", channel.name()).param("a", addressIndex).query(ConversationStore::row).optional();
    }

    /** The waiting conversations, longest waiting first, at most {@code limit}. */
    List<Conversation> queued(int limit) {
        return jdbc.sql("select * from contact_conversation where status = 'QUEUED' order by queued_at, id limit :n")
                .param("n", limit).query(ConversationStore::row).list();
    }

    /** Offers that lapsed by now. */
    List<Conversation> lapsedOffers(Instant now) {
        return jdbc.sql("select * from contact_conversation where status = 'OFFERED' and offer_expires_at <= :now")
                .param("now", ts(now)).query(ConversationStore::row).list();
    }

    /** An agent's open conversations: offered to them or assigned to them, oldest first. */
    public List<Conversation> openOf(long agentId) {
        return jdbc.sql("""
                select * from contact_conversation
                where (status = 'ASSIGNED' and agent_id = :a) or (status = 'OFFERED' and offer_agent_id = :a)
                order by created_at, id""").param("a", agentId).query(ConversationStore::row).list();
    }

    /** How many items of each medium each agent holds now, offered or assigned. */
    Map<Long, Map<Media, Integer>> loads() {
        Map<Long, Map<Media, Integer>> out = new java.util.HashMap<>();
        jdbc.sql("""
                select case when status = 'OFFERED' then offer_agent_id else agent_id end as agent, media, count(*) as n
                from contact_conversation where status in ('OFFERED', 'ASSIGNED')
                group by case when status = 'OFFERED' then offer_agent_id else agent_id end, media""")
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("agent"), k -> new java.util.EnumMap<>(Media.class))
                            .put(Media.valueOf(rs.getString("media")), rs.getInt("n"));
                });
        return out;
    }

    /** The agent who last handled a customer's conversation, if any. */
    Optional<Long> lastAgentOf(long customerId) {
        return jdbc.sql("""
                select agent_id from contact_conversation where customer_id = :c and agent_id is not null
                order by assigned_at desc, id desc limit 1""").param("c", customerId).query(Long.class).optional();
    }

    boolean offer(long id, long agentId, Instant expiresAt, String explanation) {
        return jdbc.sql("""
                update contact_conversation set status = 'OFFERED', offer_agent_id = :a, offer_expires_at = :exp,
                    offers = offers + 1, explanation = :why, version = version + 1
                where id = :id and status = 'QUEUED'""")
                .param("a", agentId).param("exp", ts(expiresAt)).param("why", clip(explanation, 1000)).param("id", id)
                .update() == 1;
    }

    /** Takes an offer back to the queue, with the agent excluded from it from now on. */
    boolean requeueFromOffer(long id, long agentId, Set<Long> excluded) {
        return jdbc.sql("""
                update contact_conversation set status = 'QUEUED', offer_agent_id = null, offer_expires_at = null,
                    excluded_agents = :ex, version = version + 1
                where id = :id and status = 'OFFERED' and offer_agent_id = :a""")
                .param("ex", join(excluded)).param("id", id).param("a", agentId).update() == 1;
    }

    boolean accept(long id, long agentId, Instant now) {
        return jdbc.sql("""
                update contact_conversation set status = 'ASSIGNED', agent_id = :a, assigned_at = :now,
                    offer_agent_id = null, offer_expires_at = null, version = version + 1
                where id = :id and status = 'OFFERED' and offer_agent_id = :a and offer_expires_at > :now""")
                .param("a", agentId).param("now", ts(now)).param("id", id).update() == 1;
    }

    void firstReply(long id, Instant now) {
        jdbc.sql("update contact_conversation set first_reply_at = :now where id = :id and first_reply_at is null")
                .param("now", ts(now)).param("id", id).update();
    }

    boolean end(long id, long agentId, String wrapUpCode, Instant now) {
        return jdbc.sql("""
                update contact_conversation set status = 'ENDED', ended_at = :now, ended_by = 'AGENT', wrap_up_code = :w,
                    version = version + 1
                where id = :id and status = 'ASSIGNED' and agent_id = :a""")
                .param("now", ts(now)).param("w", wrapUpCode).param("id", id).param("a", agentId).update() == 1;
    }

    /** The customer left before an agent took it: from QUEUED or OFFERED. */
    boolean abandon(long id, Instant now) {
        return jdbc.sql("""
                update contact_conversation set status = 'ABANDONED', ended_at = :now, ended_by = 'CUSTOMER',
                    offer_agent_id = null, offer_expires_at = null, version = version + 1
                where id = :id and status in ('QUEUED', 'OFFERED')""")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    /**
     * Puts an assigned conversation back into a queue (a transfer): the agent is excluded, a preferred
     * agent may be named, and it keeps its place by its original queue time.
     */
    boolean transfer(long id, long fromAgent, String queueCode, Long preferredAgent, Set<Long> excluded) {
        return jdbc.sql("""
                update contact_conversation set status = 'QUEUED', queue_code = :q, agent_id = null, assigned_at = null,
                    preferred_agent_id = :pref, excluded_agents = :ex, version = version + 1
                where id = :id and status = 'ASSIGNED' and agent_id = :a""")
                .param("q", queueCode).param("pref", preferredAgent).param("ex", join(excluded))
                .param("id", id).param("a", fromAgent).update() == 1;
    }

    long insertOffer(long conversationId, long agentId, Instant at, Instant expiresAt, String explanation) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into contact_offer (conversation_id, agent_id, offered_at, expires_at, explanation)
                values (:c, :a, :at, :exp, :why)""")
                .param("c", conversationId).param("a", agentId).param("at", ts(at)).param("exp", ts(expiresAt))
                .param("why", clip(explanation, 1000)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Closes the open offer of a conversation with an outcome. */
    void resolveOffer(long conversationId, long agentId, String outcome, Instant at) {
        jdbc.sql("""
                update contact_offer set outcome = :o, resolved_at = :at
                where conversation_id = :c and agent_id = :a and outcome is null""")
                .param("o", outcome).param("at", ts(at)).param("c", conversationId).param("a", agentId).update();
    }

    /** An offer as the conversation's history shows it. */
    public record OfferRow(long agentId, Instant offeredAt, Instant expiresAt, String outcome, Instant resolvedAt,
                           String explanation) {
    }

    public List<OfferRow> offersOf(long conversationId) {
        return jdbc.sql("select * from contact_offer where conversation_id = :c order by id").param("c", conversationId)
                .query((rs, n) -> new OfferRow(rs.getLong("agent_id"), instant(rs, "offered_at"), instant(rs, "expires_at"),
                        rs.getString("outcome"), instant(rs, "resolved_at"), rs.getString("explanation"))).list();
    }

    /** The conversations of a customer, newest first. */
    public List<Conversation> ofCustomer(long customerId, int limit) {
        return jdbc.sql("select * from contact_conversation where customer_id = :c order by created_at desc, id desc limit :n")
                .param("c", customerId).param("n", limit).query(ConversationStore::row).list();
    }

    /** The conversations that started, were accepted or ended at or after a moment, for the wall. */
    List<Conversation> since(Instant from) {
        return jdbc.sql("""
                select * from contact_conversation
                where created_at >= :f or assigned_at >= :f or ended_at >= :f or status in ('QUEUED', 'OFFERED', 'ASSIGNED')""")
                .param("f", ts(from)).query(ConversationStore::row).list();
    }

    static String join(Collection<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Set<Long> split(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Conversation row(ResultSet rs, int n) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getString("token"), ContactChannel.valueOf(rs.getString("channel")),
                ConversationStatus.valueOf(rs.getString("status")), rs.getString("language"),
                rs.getString("customer_name_enc"), longOrNull(rs, "customer_id"), rs.getBoolean("verified"),
                rs.getBoolean("vip"), rs.getString("topic"), rs.getString("queue_code"), rs.getInt("priority"),
                instant(rs, "created_at"), instant(rs, "queued_at"), longOrNull(rs, "offer_agent_id"),
                instant(rs, "offer_expires_at"), rs.getInt("offers"), split(rs.getString("excluded_agents")),
                longOrNull(rs, "preferred_agent_id"), longOrNull(rs, "agent_id"), instant(rs, "assigned_at"),
                instant(rs, "first_reply_at"), instant(rs, "ended_at"), rs.getString("ended_by"),
                rs.getString("wrap_up_code"), rs.getString("explanation"), rs.getInt("version"),
                rs.getString("address_enc"), rs.getString("subject_enc"), rs.getString("call_id"), rs.getString("call_state"),
                rs.getBoolean("callback"));
    }
}
