package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The conversation timeline (contact_event): appended in the transaction of the change, read by id. */
@Repository
public class TimelineStore {

    private final JdbcClient jdbc;

    TimelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TimelineEvent insert(TimelineEvent e) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into contact_event (conversation_id, agent_id, kind, audience, author_kind, author_name, body_enc,
                    data, occurred_at)
                values (:c, :a, :k, :aud, :ak, :an, :b, :d, :at)""")
                .param("c", e.conversationId()).param("a", e.agentId()).param("k", e.kind()).param("aud", e.audience())
                .param("ak", e.authorKind()).param("an", e.authorName()).param("b", e.bodyEnc()).param("d", e.data())
                .param("at", ts(e.occurredAt())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new TimelineEvent(id, e.conversationId(), e.agentId(), e.kind(), e.audience(), e.authorKind(),
                e.authorName(), e.bodyEnc(), e.data(), e.occurredAt());
    }

    /** The newest feed id, 0 for none. */
    public long maxId() {
        Long max = jdbc.sql("select max(id) from contact_event").query(Long.class).single();
        return max == null ? 0 : max;
    }

    /** Feed rows after an id, in id order, at most {@code limit}. */
    public List<TimelineEvent> after(long id, int limit) {
        return jdbc.sql("select * from contact_event where id > :id order by id limit :n").param("id", id)
                .param("n", limit).query(TimelineStore::row).list();
    }

    /** The feed rows of these ids that exist (late commits a stream has not had). */
    public List<TimelineEvent> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from contact_event where id in (:ids) order by id").param("ids", List.copyOf(ids))
                .query(TimelineStore::row).list();
    }

    /** A conversation's timeline, in order, after an id (0: from the start). */
    public List<TimelineEvent> of(long conversationId, long afterId) {
        return jdbc.sql("select * from contact_event where conversation_id = :c and id > :id order by id")
                .param("c", conversationId).param("id", afterId).query(TimelineStore::row).list();
    }

    /** An agent's rows after an id (a stream's replay). */
    public List<TimelineEvent> ofAgent(long agentId, long afterId, int limit) {
        return jdbc.sql("select * from contact_event where agent_id = :a and id > :id order by id limit :n")
                .param("a", agentId).param("id", afterId).param("n", limit).query(TimelineStore::row).list();
    }

    static TimelineEvent row(ResultSet rs, int n) throws SQLException {
        long agent = rs.getLong("agent_id");
        Long agentId = rs.wasNull() ? null : agent;
        return new TimelineEvent(rs.getLong("id"), rs.getLong("conversation_id"), agentId, rs.getString("kind"),
                rs.getString("audience"), rs.getString("author_kind"), rs.getString("author_name"),
                rs.getString("body_enc"), rs.getString("data"), instant(rs, "occurred_at"));
    }
}
