package org.fuwu.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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

    /** Highest key first, then the longest waiting, then by id (written out: it runs on every index step). */
    private static final Comparator<Entry> ORDER = (x, y) -> {
        int c = Double.compare(y.key(), x.key());
        if (c != 0) {
            return c;
        }
        c = x.arrivedAt().compareTo(y.arrivedAt());
        return c != 0 ? c : x.id().compareTo(y.id());
    };

    private final SkillsRouter router;
    private final Map<String, ContactItem> items = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    /** Per item, what it needs at each ring of the relaxation, computed when first asked. */
    private final Map<String, Relaxation.Relaxed[]> relaxedByRing = new HashMap<>();
    private final Map<String, NavigableSet<Entry>> byQueue = new HashMap<>();
    private final Map<String, AgentView> agents = new HashMap<>();
    private final Map<String, Set<String>> agentsByQueue = new HashMap<>();
    /** The agents who could take one more item of some medium. */
    private final Set<String> withRoom = new HashSet<>();
    /**
     * Per queue and medium, the agents serving it who could take one more item of that medium (capacity and
     * the exclusive rule applied when indexed), longest idle first: an arriving item looks only at these.
     */
    private final Map<String, Map<Media, NavigableSet<Idle>>> roomByQueue = new HashMap<>();

    /** An agent in the order of how long they have been idle (never idle: last). */
    private record Idle(Instant since, String id) {
    }

    private static final Comparator<Idle> IDLE = (x, y) -> {
        if (x.since() != y.since()) {
            if (x.since() == null) {
                return 1;
            }
            if (y.since() == null) {
                return -1;
            }
            int c = x.since().compareTo(y.since());
            if (c != 0) {
                return c;
            }
        }
        return x.id().compareTo(y.id());
    };

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
        relaxedByRing.remove(id);
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

    private Relaxation.Relaxed relaxed(ContactItem item, Instant now) {
        Relaxation r = router.relaxation();
        int ring = r.ring(item, now);
        Relaxation.Relaxed[] byRing = relaxedByRing.computeIfAbsent(item.id(), k -> new Relaxation.Relaxed[r.steps().size() + 1]);
        if (byRing[ring] == null) {
            byRing[ring] = r.at(item, now);
        }
        return byRing[ring];
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
        Idle idle = new Idle(agent.idleSince(), agent.id());
        for (String q : agent.queues()) {
            agentsByQueue.computeIfAbsent(q, k -> new HashSet<>()).add(agent.id());
        }
        for (Media m : MEDIA) {
            if (router.capacity().canTake(agent, m)) {
                withRoom.add(agent.id());
                for (String q : agent.queues()) {
                    roomByQueue.computeIfAbsent(q, k -> new EnumMap<>(Media.class))
                            .computeIfAbsent(m, k -> new TreeSet<>(IDLE)).add(idle);
                }
            }
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
                Map<Media, NavigableSet<Idle>> room = roomByQueue.get(q);
                if (room != null) {
                    Idle idle = new Idle(old.idleSince(), id);
                    for (Media m : MEDIA) {
                        NavigableSet<Idle> r = room.get(m);
                        if (r != null && router.capacity().canTake(old, m)) {
                            r.remove(idle);
                        }
                    }
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
        Relaxation.Relaxed relaxed = relaxed(item, now);
        AgentView preferred = item.preferredAgent() == null ? null : agents.get(item.preferredAgent());
        if (preferred != null && withRoom.contains(preferred.id()) && serves(preferred, relaxed)
                && router.eligibleInQueue(preferred, item, relaxed)) {
            return Optional.of(take(item, router.choose(item, relaxed, List.of(preferred), now)));
        }
        List<AgentView> eligible = new ArrayList<>();
        if (item.vip()) {
            // the most proficient: every agent with room is a candidate (listed twice when in two queues: harmless)
            for (String q : relaxed.queues()) {
                for (Idle i : room(q, item.media())) {
                    AgentView a = agents.get(i.id());
                    if (router.meets(a, item, relaxed)) {
                        eligible.add(a);
                    }
                }
            }
        } else {
            // the longest idle: walk each queue's agents in idle order, up to the first eligible (and its ties)
            Instant bestIdle = null;
            for (String q : relaxed.queues()) {
                for (Idle i : room(q, item.media())) {
                    Instant idle = i.since() == null || i.since().isAfter(now) ? now : i.since();
                    if (bestIdle != null && idle.isAfter(bestIdle)) {
                        break;
                    }
                    AgentView a = agents.get(i.id());
                    if (router.meets(a, item, relaxed)) {
                        if (bestIdle == null || idle.isBefore(bestIdle)) {
                            eligible.clear();
                            bestIdle = idle;
                        }
                        eligible.add(a);
                    }
                }
            }
        }
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(take(item, router.choose(item, relaxed, eligible, now)));
    }

    private static final NavigableSet<Idle> EMPTY = new TreeSet<>(IDLE);
    private static final Media[] MEDIA = Media.values();

    private NavigableSet<Idle> room(String queue, Media m) {
        Map<Media, NavigableSet<Idle>> byMedia = roomByQueue.get(queue);
        NavigableSet<Idle> set = byMedia == null ? null : byMedia.get(m);
        return set == null ? EMPTY : set;
    }

    private static boolean serves(AgentView a, Relaxation.Relaxed relaxed) {
        for (String q : a.queues()) {
            if (relaxed.queues().contains(q)) {
                return true;
            }
        }
        return false;
    }

    /** The decision for an agent with room now: an offer of the first item they are eligible for, or empty. */
    public Optional<SkillsRouter.Offer> agentFree(String agentId, Instant now) {
        AgentView agent = agents.get(agentId);
        if (agent == null || !agent.presence().takesWork()) {
            return Optional.empty();
        }
        Entry best = null;
        Relaxation.Relaxed bestRelaxed = null;
        boolean[] takes = new boolean[MEDIA.length];
        boolean any = false;
        for (Media m : MEDIA) {
            takes[m.ordinal()] = router.capacity().canTake(agent, m);
            any |= takes[m.ordinal()];
        }
        if (!any) {
            return Optional.empty();
        }
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
                if (!takes[item.media().ordinal()]) {
                    continue;
                }
                Relaxation.Relaxed relaxed = relaxed(item, now);
                if (relaxed.queues().contains(q) && router.meets(agent, item, relaxed)) {
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
