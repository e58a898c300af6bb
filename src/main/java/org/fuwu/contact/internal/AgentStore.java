package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fuwu.routing.Media;
import org.fuwu.routing.Presence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agents' presence, queues and capacity in the database. */
@Repository
public class AgentStore {

    /**
     * An agent's contact-centre state.
     *
     * @param presence what the agent chose (AVAILABLE, BREAK, OFFLINE) or AFTER_CALL_WORK while its timer runs
     * @param capacity per medium, overriding the defaults; empty: the defaults
     */
    public record AgentRow(long accountId, Presence presence, Instant presenceSince, Instant idleSince, Instant acwUntil,
                           Map<Media, Integer> capacity, Set<String> queues) {
    }

    private final JdbcClient jdbc;

    AgentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AgentRow> find(long accountId) {
        return all(" where account_id = :id", accountId).stream().findFirst();
    }

    /** Agents who may be offered work: AVAILABLE. */
    List<AgentRow> available() {
        return all(" where presence = 'AVAILABLE'", null);
    }

    public List<AgentRow> all() {
        return all("", null);
    }

    private List<AgentRow> all(String where, Long id) {
        Map<Long, Set<String>> queues = new HashMap<>();
        var q = id == null ? jdbc.sql("select account_id, queue_code from contact_agent_queue")
                : jdbc.sql("select account_id, queue_code from contact_agent_queue where account_id = :id").param("id", id);
        q.query(rs -> {
            queues.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
        });
        var s = jdbc.sql("select * from contact_agent" + where + " order by account_id");
        if (id != null) {
            s = s.param("id", id);
        }
        return s.query((rs, n) -> new AgentRow(rs.getLong("account_id"), Presence.valueOf(rs.getString("presence")),
                instant(rs, "presence_since"), instant(rs, "idle_since"), instant(rs, "acw_until"),
                capacity(rs.getString("capacity")), queues.getOrDefault(rs.getLong("account_id"), Set.of()))).list();
    }

    /** Creates the agent's row (OFFLINE) if missing. */
    void ensure(long accountId, Instant now) {
        int n = jdbc.sql("select count(*) from contact_agent where account_id = :id").param("id", accountId)
                .query(Integer.class).single();
        if (n == 0) {
            jdbc.sql("""
                    insert into contact_agent (account_id, presence, presence_since, idle_since, capacity, updated_at)
                    values (:id, 'OFFLINE', :now, null, '', :now)""").param("id", accountId).param("now", ts(now)).update();
        }
    }

    /** Locks the agent's row for this transaction (changes of one agent's state run one at a time). */
    void lock(long accountId) {
        jdbc.sql("select account_id from contact_agent where account_id = :id for update").param("id", accountId)
                .query(Long.class).optional();
    }

    void setPresence(long accountId, Presence p, Instant now, Instant idleSince, Instant acwUntil) {
        jdbc.sql("""
                update contact_agent set presence = :p, presence_since = :now, idle_since = :idle, acw_until = :acw,
                    updated_at = :now where account_id = :id""")
                .param("p", p.name()).param("now", ts(now)).param("idle", ts(idleSince)).param("acw", ts(acwUntil))
                .param("id", accountId).update();
    }

    void setIdleSince(long accountId, Instant idleSince) {
        jdbc.sql("update contact_agent set idle_since = :idle where account_id = :id").param("idle", ts(idleSince))
                .param("id", accountId).update();
    }

    /** Agents whose after-contact-work timer ran out by now. */
    List<Long> acwDue(Instant now) {
        return jdbc.sql("select account_id from contact_agent where presence = 'AFTER_CALL_WORK' and acw_until <= :now")
                .param("now", ts(now)).query(Long.class).list();
    }

    void setQueuesAndCapacity(long accountId, Set<String> queues, Map<Media, Integer> capacity, Instant now) {
        jdbc.sql("delete from contact_agent_queue where account_id = :id").param("id", accountId).update();
        for (String q : queues) {
            jdbc.sql("insert into contact_agent_queue (account_id, queue_code) values (:id, :q)").param("id", accountId)
                    .param("q", q).update();
        }
        jdbc.sql("update contact_agent set capacity = :c, updated_at = :now where account_id = :id")
                .param("c", capacityText(capacity)).param("now", ts(now)).param("id", accountId).update();
    }

    static String capacityText(Map<Media, Integer> capacity) {
        List<String> parts = new ArrayList<>();
        for (Media m : Media.values()) {
            if (capacity.containsKey(m)) {
                parts.add(m.name() + "=" + capacity.get(m));
            }
        }
        return String.join(";", parts);
    }

    static Map<Media, Integer> capacity(String text) {
        Map<Media, Integer> out = new EnumMap<>(Media.class);
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            String[] kv = part.split("=");
            if (kv.length == 2) {
                out.put(Media.valueOf(kv[0].strip()), Integer.parseInt(kv[1].strip()));
            }
        }
        return out;
    }
}
