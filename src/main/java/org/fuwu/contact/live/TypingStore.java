package org.fuwu.contact.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.fuwu.platform.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Typing indicators for the streams of other instances: each instance writes when one side of a
 * conversation types (at most once every {@link #WRITE_EVERY} per side, as the pages send at most one
 * signal every 3 s), and reads the rows that other instances wrote since its last poll.
 */
@Component
class TypingStore {

    static final Duration WRITE_EVERY = Duration.ofSeconds(2);
    static final Duration KEEP = Duration.ofMinutes(1);

    /** A side of a conversation typed, on another instance. */
    record Signal(long conversationId, boolean fromCustomer, Long agentId, Instant at) {
    }

    private final JdbcClient jdbc;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    TypingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String instance() {
        return instance;
    }

    /** Records that a side typed now, unless this instance wrote the same side very recently. */
    void typed(long conversationId, boolean fromCustomer, Long agentId, Instant now) {
        String key = conversationId + (fromCustomer ? "c" : "a");
        Instant last = written.get(key);
        if (last != null && last.plus(WRITE_EVERY).isAfter(now)) {
            return;
        }
        written.put(key, now);
        int n = jdbc.sql("""
                update contact_typing set agent_id = :a, instance_id = :i, typed_at = :t
                 where conversation_id = :c and from_customer = :f""")
                .param("a", agentId).param("i", instance).param("t", SqlTimes.ts(now))
                .param("c", conversationId).param("f", fromCustomer).update();
        if (n == 0) {
            try {
                jdbc.sql("""
                        insert into contact_typing (conversation_id, from_customer, agent_id, instance_id, typed_at)
                        values (:c, :f, :a, :i, :t)""")
                        .param("c", conversationId).param("f", fromCustomer).param("a", agentId).param("i", instance)
                        .param("t", SqlTimes.ts(now)).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another instance wrote the same side at the same moment: its row says the same
            }
        }
    }

    /** What other instances recorded after this moment. */
    List<Signal> othersAfter(Instant since) {
        return jdbc.sql("""
                select conversation_id, from_customer, agent_id, typed_at from contact_typing
                 where typed_at > :s and instance_id <> :i""")
                .param("s", SqlTimes.ts(since)).param("i", instance)
                .query((rs, n) -> new Signal(rs.getLong(1), rs.getBoolean(2), (Long) rs.getObject(3, Long.class),
                        SqlTimes.instant(rs, "typed_at"))).list();
    }

    /** Removes the rows nobody needs any more, and this instance's memory of them. */
    void prune(Instant now) {
        jdbc.sql("delete from contact_typing where typed_at < :t").param("t", SqlTimes.ts(now.minus(KEEP))).update();
        written.values().removeIf(t -> t.isBefore(now.minus(KEEP)));
    }
}
