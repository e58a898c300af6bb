package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.routing.Presence;
import org.fuwu.staff.AgentDirectory;
import org.springframework.stereotype.Service;

/**
 * The supervisor wall: per queue, what waits now and today's service level, ASA and abandonment
 * ({@link ContactKpis}), with an alert where the service level is below target or the longest wait is
 * already past the threshold; and the agents by state, with occupancy now (busy ÷ (busy + available)).
 */
@Service
public class WallService {

    /** Abandons this short are not counted as offered (REFERENCE.md: say whether they are excluded; they are). */
    static final Duration SHORT_ABANDON = Duration.ofSeconds(5);

    public record QueueLine(ContactQueue queue, ContactKpis.Figures figures, boolean alert) {
    }

    public record AgentLine(long accountId, String name, Presence presence, int open, Instant since, Set<String> queues) {
    }

    /** A conversation waiting or in progress, for the supervisor to monitor, whisper into or reassign. */
    public record OpenLine(long id, String channel, String queue, String status, String agentName, Instant since,
                           boolean vip) {
    }

    public record Wall(Instant from, Instant at, List<QueueLine> queues, Map<Presence, Integer> agentsByState,
                       double occupancy, List<AgentLine> agents, List<OpenLine> conversations) {
    }

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final ContactConfigStore config;
    private final AgentDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    WallService(ConversationStore conversations, AgentStore agents, ContactConfigStore config, AgentDirectory directory,
                Clock clock, ContactProperties properties) {
        this.conversations = conversations;
        this.agents = agents;
        this.config = config;
        this.directory = directory;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** The wall since the start of today in the contact centre's time zone. */
    public Wall now() {
        Instant now = clock.instant();
        Instant from = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Map<String, List<ContactKpis.Fact>> facts = new HashMap<>();
        List<Conversation> seen = conversations.since(from);
        for (Conversation c : seen) {
            Instant abandoned = c.status() == ConversationStatus.ABANDONED ? c.endedAt() : null;
            Instant answered = c.assignedAt();
            if (c.status() == ConversationStatus.ENDED && answered == null) {
                continue;
            }
            facts.computeIfAbsent(c.queueCode(), k -> new ArrayList<>())
                    .add(new ContactKpis.Fact(c.queuedAt(), answered, abandoned));
        }
        List<QueueLine> lines = new ArrayList<>();
        for (ContactQueue q : config.queues()) {
            ContactKpis.Figures f = ContactKpis.of(facts.getOrDefault(q.code(), List.of()), from, now,
                    Duration.ofSeconds(q.slSeconds()), SHORT_ABANDON);
            boolean alert = (f.offered() > 0 && f.serviceLevel() * 100 < q.slPercent())
                    || (f.waiting() > 0 && f.longestWaitSeconds() > q.slSeconds());
            lines.add(new QueueLine(q, f, alert));
        }
        Map<Long, Integer> open = new HashMap<>();
        conversations.loads().forEach((agent, byMedia) ->
                open.put(agent, byMedia.values().stream().mapToInt(Integer::intValue).sum()));
        List<AgentStore.AgentRow> rows = agents.all();
        Map<Long, String> names = new HashMap<>();
        directory.findAll(rows.stream().map(AgentStore.AgentRow::accountId).toList())
                .forEach(p -> names.put(p.accountId(), p.displayName()));
        Map<Presence, Integer> byState = new EnumMap<>(Presence.class);
        for (Presence p : Presence.values()) {
            byState.put(p, 0);
        }
        List<AgentLine> agentLines = new ArrayList<>();
        for (AgentStore.AgentRow r : rows) {
            int n = open.getOrDefault(r.accountId(), 0);
            Presence p = AgentWork.effective(r.presence(), n);
            byState.merge(p, 1, Integer::sum);
            agentLines.add(new AgentLine(r.accountId(), names.getOrDefault(r.accountId(), "#" + r.accountId()), p, n,
                    r.presenceSince(), r.queues()));
        }
        int busy = byState.get(Presence.BUSY);
        int staffed = busy + byState.get(Presence.AVAILABLE);
        List<OpenLine> inProgress = seen.stream().filter(c -> c.status().open())
                .sorted(java.util.Comparator.comparing(Conversation::queuedAt)).limit(200)
                .map(c -> new OpenLine(c.id(), c.channel().name(), c.queueCode(), c.status().name(),
                        c.agentId() == null ? null : names.getOrDefault(c.agentId(), "#" + c.agentId()),
                        c.status() == ConversationStatus.ASSIGNED ? c.assignedAt() : c.queuedAt(), c.vip())).toList();
        return new Wall(from, now, lines, byState, staffed == 0 ? 0 : (double) busy / staffed, agentLines, inProgress);
    }
}
