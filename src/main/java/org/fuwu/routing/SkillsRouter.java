package org.fuwu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Skills-based routing of contact-centre work (named policy, plain Java): which waiting item is
 * offered to which agent now, and why.
 *
 * <p>Items are taken highest effective priority first: the item's base priority (a complaint ranks
 * higher), plus {@code vipBoost} for a VIP, plus {@code agePerMinute} for every minute waited (items
 * age), then the longest waiting. An agent is eligible for an item when their presence takes work, their
 * capacity allows one more item of its medium ({@link AgentCapacity}), they serve one of the queues the
 * item may go to now and have every skill it needs now at the proficiency it needs now
 * ({@link Relaxation}), and they have not declined it or let its offer time out. Among the eligible:
 * the preferred agent (who served this customer last) when eligible; else, for a VIP, the most
 * proficient (sum of proficiency over the item's skills), then the longest idle; else the longest idle,
 * then the least proficient (seniors stay free for those who need them). Each offer counts against the
 * agent's capacity at once, so one round never overloads an agent, and an item is offered once a round.
 *
 * @param capacity the agents' capacity rules
 * @param relaxation how requirements relax while an item waits
 * @param vipBoost added to a VIP item's priority
 * @param agePerMinute added to an item's priority for every minute it has waited
 * @param offerTimeout how long an agent has to accept an offer
 */
public record SkillsRouter(AgentCapacity capacity, Relaxation relaxation, int vipBoost, int agePerMinute,
                           Duration offerTimeout) {

    /** The defaults: {@link AgentCapacity#DEFAULT}, {@link Relaxation#DEFAULT}, VIP +20, +1 a minute, 20 s to accept. */
    public static final SkillsRouter DEFAULT = new SkillsRouter(AgentCapacity.DEFAULT, Relaxation.DEFAULT, 20, 1,
            Duration.ofSeconds(20));

    public SkillsRouter {
        Objects.requireNonNull(capacity);
        Objects.requireNonNull(relaxation);
        if (vipBoost < 0 || agePerMinute < 0 || offerTimeout.isNegative() || offerTimeout.isZero()) {
            throw new IllegalArgumentException("boosts are >= 0 and the offer timeout > 0");
        }
    }

    /**
     * An offer of an item to an agent.
     *
     * @param itemId the item
     * @param agentId the agent
     * @param expiresAt when the offer lapses unless accepted (then the item is routed again without this agent)
     * @param explanation why, in English, e.g. "offered C7 to 李娜: skill loans 4 ≥ 3, longest idle 3 min, VIP boost"
     * @param reasons the same as parts: the skills met, the choice rule, the boosts
     */
    public record Offer(String itemId, String agentId, Instant expiresAt, String explanation, List<String> reasons) {
    }

    /** The effective priority of an item now: base, VIP boost and ageing. */
    public int effectivePriority(ContactItem item, Instant now) {
        long minutes = Math.max(0, Duration.between(item.arrivedAt(), now).toMinutes());
        return item.priority() + (item.vip() ? vipBoost : 0) + (int) Math.min(Integer.MAX_VALUE / 2, minutes * agePerMinute);
    }

    /** Whether an agent may take an item now, and with which requirements in force. */
    public boolean eligible(AgentView agent, ContactItem item, Instant now) {
        return eligible(agent, item, relaxation.at(item, now));
    }

    private boolean eligible(AgentView agent, ContactItem item, Relaxation.Relaxed relaxed) {
        boolean serves = false;
        for (String q : agent.queues()) {
            if (relaxed.queues().contains(q)) {
                serves = true;
                break;
            }
        }
        return serves && eligibleInQueue(agent, item, relaxed);
    }

    /** One round of routing: the offers to make now, highest effective priority first. */
    public List<Offer> route(List<ContactItem> items, List<AgentView> agents, Instant now) {
        Map<String, AgentView> live = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (AgentView a : agents) {
            if (live.putIfAbsent(a.id(), a) == null) {
                order.add(a.id());
            }
        }
        List<ContactItem> queue = new ArrayList<>(items);
        queue.sort(Comparator.comparingInt((ContactItem i) -> -effectivePriority(i, now))
                .thenComparing(ContactItem::arrivedAt).thenComparing(ContactItem::id));
        List<Offer> offers = new ArrayList<>();
        java.util.Set<String> offered = new java.util.HashSet<>();
        for (ContactItem item : queue) {
            if (!offered.add(item.id())) {
                continue; // the same item twice in the input: offered once
            }
            Relaxation.Relaxed relaxed = relaxation.at(item, now);
            List<AgentView> eligible = new ArrayList<>();
            for (String id : order) {
                AgentView a = live.get(id);
                if (eligible(a, item, relaxed)) {
                    eligible.add(a);
                }
            }
            if (eligible.isEmpty()) {
                offered.remove(item.id());
                continue;
            }
            Offer offer = choose(item, relaxed, eligible, now);
            AgentView chosen = live.get(offer.agentId());
            live.put(chosen.id(), chosen.plus(item.media()));
            offers.add(offer);
        }
        return offers;
    }

    /**
     * The offer of an item to one of the agents eligible for it (not empty): the preferred agent when among
     * them; else, for a VIP, the most proficient, then the longest idle; else the longest idle, then the
     * least proficient.
     */
    Offer choose(ContactItem item, Relaxation.Relaxed relaxed, List<AgentView> eligible, Instant now) {
        String rule;
        AgentView chosen = null;
        for (AgentView a : eligible) {
            if (a.id().equals(item.preferredAgent())) {
                chosen = a;
            }
        }
        if (chosen != null) {
            rule = "preferred agent (served this customer last)";
        } else if (item.vip()) {
            chosen = eligible.stream().max(Comparator.comparingInt((AgentView a) -> score(a, relaxed))
                    .thenComparing(a -> idleSince(a, now), Comparator.reverseOrder())
                    .thenComparing(AgentView::id, Comparator.reverseOrder())).orElseThrow();
            rule = "most proficient";
        } else {
            chosen = eligible.stream().min(Comparator.comparing((AgentView a) -> idleSince(a, now))
                    .thenComparingInt(a -> score(a, relaxed)).thenComparing(AgentView::id)).orElseThrow();
            rule = "longest idle " + Duration.between(idleSince(chosen, now), now).toMinutes() + " min";
        }
        return offer(item, chosen, relaxed, rule, now);
    }

    /**
     * Whether an agent known to serve one of the queues the item may go to now may take it: not excluded,
     * capacity, and every requirement in force.
     */
    boolean eligibleInQueue(AgentView agent, ContactItem item, Relaxation.Relaxed relaxed) {
        return capacity.canTake(agent, item.media()) && meets(agent, item, relaxed);
    }

    /** Whether an agent is not excluded from an item and has every requirement in force (capacity aside). */
    boolean meets(AgentView agent, ContactItem item, Relaxation.Relaxed relaxed) {
        if (item.excludedAgents().contains(agent.id())) {
            return false;
        }
        for (SkillRequirement r : relaxed.requirements()) {
            if (agent.proficiency(r.skill()) < r.level()) {
                return false;
            }
        }
        return true;
    }

    private static int score(AgentView a, Relaxation.Relaxed relaxed) {
        int s = 0;
        for (SkillRequirement r : relaxed.requirements()) {
            s += a.proficiency(r.skill());
        }
        return s;
    }

    private static Instant idleSince(AgentView a, Instant now) {
        return a.idleSince() == null || a.idleSince().isAfter(now) ? now : a.idleSince();
    }

    private Offer offer(ContactItem item, AgentView agent, Relaxation.Relaxed relaxed, String rule, Instant now) {
        List<String> reasons = new ArrayList<>();
        for (SkillRequirement r : relaxed.requirements()) {
            reasons.add("skill " + r.skill() + " " + agent.proficiency(r.skill()) + " ≥ " + r.level());
        }
        reasons.add(rule);
        if (item.vip()) {
            reasons.add("VIP boost");
        }
        if (item.priority() > 0) {
            reasons.add("priority " + item.priority());
        }
        if (relaxed.ring() > 0) {
            reasons.add("relaxed " + relaxed.ring() + (relaxed.ring() == 1 ? " step" : " steps"));
        }
        if (!agent.queues().contains(item.queue())) {
            reasons.add("overflow from " + item.queue());
        }
        String label = item.customerLabel() == null || item.customerLabel().isBlank() ? item.id() : item.customerLabel();
        return new Offer(item.id(), agent.id(), now.plus(offerTimeout),
                "offered " + label + " to " + agent.name() + ": " + String.join(", ", reasons), List.copyOf(reasons));
    }
}
