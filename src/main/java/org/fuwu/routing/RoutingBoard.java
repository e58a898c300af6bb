package org.fuwu.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event-driven form of {@link SkillsRouter} for large centres (plain Java, one thread): the waiting
 * items and the agents stay indexed between decisions, so that each event is one decision instead of a
 * round over everything.
 * <ul>
 *   <li>{@link #itemArrived}: an item arrives (or is re-queued) and agents may be free: it is offered to the
 *       best eligible agent among those who serve a queue it may go to, by the router's rule (preferred,
 *       VIP to the most proficient, else longest idle).</li>
 *   <li>{@link #agentFree}: an agent has room (became available, ended a contact): they are offered the
 *       first item, highest effective priority first, that they are eligible for, walking only the
 *       queues they serve.</li>
 * </ul>
 *
 * <p>The items of a queue are kept sorted by a key that does not change while they wait: effective
 * priority is base + VIP boost + {@code agePerMinute} × minutes waited, so at any moment its order is
 * the order of base + boost − {@code agePerMinute} × minutes since an epoch (the minutes counted exactly,
 * where the round form counts whole minutes). An item is indexed under its own queue and its overflow
 * queues; whether it may overflow yet is checked when it is met. An offered item leaves the board, and the
 * agent's load counts it at once, so no item is offered twice and no capacity is exceeded (the same
 * property test as the round form).
 */
public final class RoutingBoard {

    private record Entry(double key, Instant arrivedAt, String id) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingDouble((Entry e) -> -e.key())
            .thenComparing(Entry::arrivedAt).thenComparing(Entry::id);

    private final SkillsRouter router;
    private final Map<String, ContactItem> items = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, NavigableSet<Entry>> byQueue = new HashMap<>();
    private final Map<String, AgentView> agents = new HashMap<>();
    private final Map<String, Set<String>> agentsByQueue = new HashMap<>();
    /** The agents who could take one more item of some medium. */
    private final Set<String> withRoom = new HashSet<>();

    public RoutingBoard(SkillsRouter router) {
        this.router = router;
    }

    public int waiting() {
        return items.size();
    }

    public Optional<AgentView> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    /** Adds an item, or replaces it (a decline or a lapse excludes an agent; a transfer changes its queue). */
    public void putItem(ContactItem item) {
        removeItem(item.id());
        Entry e = new Entry(item.priority() + (item.vip() ? router.vipBoost() : 0)
                - router.agePerMinute() * (item.arrivedAt().getEpochSecond() / 60.0), item.arrivedAt(), item.id());
        items.put(item.id(), item);
        entries.put(item.id(), e);
        for (String q : queuesOf(item)) {
            byQueue.computeIfAbsent(q, k -> new TreeSet<>(ORDER)).add(e);
        }
    }

    public void removeItem(String id) {
        ContactItem old = items.remove(id);
        Entry e = entries.remove(id);
        if (old != null) {
            for (String q : queuesOf(old)) {
                NavigableSet<Entry> set = byQueue.get(q);
                if (set != null) {
                    set.remove(e);
                }
            }
        }
    }

    private static Set<String> queuesOf(ContactItem item) {
        Set<String> qs = new HashSet<>(item.overflowQueues());
        qs.add(item.queue());
        return qs;
    }

    /** Adds or replaces an agent (presence, load, skills or queues changed). */
    public void putAgent(AgentView agent) {
        removeAgent(agent.id());
        agents.put(agent.id(), agent);
        for (Media m : Media.values()) {
            if (router.capacity().canTake(agent, m)) {
                withRoom.add(agent.id());
                break;
            }
        }
        for (String q : agent.queues()) {
            agentsByQueue.computeIfAbsent(q, k -> new HashSet<>()).add(agent.id());
        }
    }

    public void removeAgent(String id) {
        AgentView old = agents.remove(id);
        withRoom.remove(id);
        if (old != null) {
            for (String q : old.queues()) {
                Set<String> set = agentsByQueue.get(q);
                if (set != null) {
                    set.remove(id);
                }
            }
        }
    }

    /** The decision for a waiting item now: an offer to the best eligible agent, or empty (it waits on). */
    public Optional<SkillsRouter.Offer> itemArrived(String itemId, Instant now) {
        ContactItem item = items.get(itemId);
        if (item == null) {
            return Optional.empty();
        }
        Relaxation.Relaxed relaxed = router.relaxation().at(item, now);
        List<AgentView> eligible = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String q : relaxed.queues()) {
            for (String id : agentsByQueue.getOrDefault(q, Set.of())) {
                AgentView a = agents.get(id);
                if (withRoom.contains(id) && seen.add(id) && router.eligibleRelaxed(a, item, relaxed)) {
                    eligible.add(a);
                }
            }
        }
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        eligible.sort(Comparator.comparing(AgentView::id));
        return Optional.of(take(item, router.choose(item, relaxed, eligible, now)));
    }

    /** The decision for an agent with room now: an offer of the first item they are eligible for, or empty. */
    public Optional<SkillsRouter.Offer> agentFree(String agentId, Instant now) {
        AgentView agent = agents.get(agentId);
        if (agent == null || !agent.presence().takesWork()) {
            return Optional.empty();
        }
        Entry best = null;
        Relaxation.Relaxed bestRelaxed = null;
        for (String q : agent.queues()) {
            NavigableSet<Entry> set = byQueue.get(q);
            if (set == null) {
                continue;
            }
            for (Entry e : set) {
                if (best != null && ORDER.compare(e, best) >= 0) {
                    break; // this queue has nothing better than what another queue gave
                }
                ContactItem item = items.get(e.id());
                Relaxation.Relaxed relaxed = router.relaxation().at(item, now);
                if (relaxed.queues().contains(q) && router.eligibleRelaxed(agent, item, relaxed)) {
                    best = e;
                    bestRelaxed = relaxed;
                    break;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        ContactItem item = items.get(best.id());
        return Optional.of(take(item, router.choose(item, bestRelaxed, List.of(agent), now)));
    }

    /** Until nothing more can be offered: each waiting item in order of effective priority, offered if it can be. */
    public List<SkillsRouter.Offer> match(Instant now) {
        List<Entry> order = new ArrayList<>(entries.values());
        order.sort(ORDER);
        List<SkillsRouter.Offer> offers = new ArrayList<>();
        for (Entry e : order) {
            if (withRoom.isEmpty()) {
                break;
            }
            itemArrived(e.id(), now).ifPresent(offers::add);
        }
        return offers;
    }

    private SkillsRouter.Offer take(ContactItem item, SkillsRouter.Offer offer) {
        removeItem(item.id());
        AgentView a = agents.get(offer.agentId());
        putAgent(a.plus(item.media()));
        return offer;
    }
}
