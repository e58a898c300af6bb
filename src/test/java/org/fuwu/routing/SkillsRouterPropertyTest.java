package org.fuwu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fuwu.routing.SkillsRouter.Offer;

/**
 * Random contact centres run for many rounds: items arrive on every medium with random skills, VIP
 * flags and priorities; agents with random skills, queues and presence accept, decline or let offers
 * time out, and finish their work. The test keeps its own record of who holds what and checks, every
 * round, that no item is ever with two agents or offered twice, that no agent's capacity or the
 * no-other-work-during-a-call rule is ever broken, that every offer went to an agent who met the item's
 * requirements as relaxed at that moment, and that an item left waiting had no eligible agent.
 */
class SkillsRouterPropertyTest {

    /**
     * One round of decisions by one of the engines: 0 the round form ({@link SkillsRouter#route}), 1 the
     * event-driven board item by item ({@link RoutingBoard#match}), 2 the board agent by agent
     * ({@link RoutingBoard#agentFree} for each agent until it has nothing more for them).
     */
    static List<Offer> decide(int engine, SkillsRouter router, List<ContactItem> items, List<AgentView> agents, Instant now) {
        if (engine == 0) {
            return router.route(items, agents, now);
        }
        RoutingBoard board = new RoutingBoard(router);
        agents.forEach(board::putAgent);
        items.forEach(board::putItem);
        if (engine == 1) {
            return board.match(now);
        }
        List<Offer> offers = new ArrayList<>();
        List<String> ids = agents.stream().map(AgentView::id).sorted().toList();
        boolean more = true;
        while (more) {
            more = false;
            for (String id : ids) {
                var o = board.agentFree(id, now);
                if (o.isPresent()) {
                    offers.add(o.get());
                    more = true;
                }
            }
        }
        return offers;
    }

    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    static final String[] SKILLS = {"loans", "cards", "lang:en", "lang:zh"};
    static final String[] QUEUES = {"loans", "cards", "general"};

    @Property(tries = 300)
    void noItemIsAssignedTwiceAndNoCapacityIsEverExceeded(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int agentCount,
                                                          @ForAll @IntRange(min = 5, max = 60) int rounds,
                                                          @ForAll @IntRange(min = 0, max = 2) int engine) {
        Random rnd = new Random(seed);
        SkillsRouter router = SkillsRouter.DEFAULT;
        AgentCapacity cap = router.capacity();
        Map<String, AgentView> agents = new HashMap<>();
        for (int i = 0; i < agentCount; i++) {
            Map<String, Integer> skills = new HashMap<>();
            for (String s : SKILLS) {
                if (rnd.nextInt(3) > 0) {
                    skills.put(s, 1 + rnd.nextInt(5));
                }
            }
            Set<String> queues = new HashSet<>();
            queues.add(QUEUES[rnd.nextInt(QUEUES.length)]);
            if (rnd.nextBoolean()) {
                queues.add(QUEUES[rnd.nextInt(QUEUES.length)]);
            }
            Presence p = rnd.nextInt(5) == 0 ? Presence.values()[2 + rnd.nextInt(3)] : Presence.AVAILABLE;
            agents.put("a" + i, new AgentView("a" + i, "agent" + i, p, queues, skills, Map.of(), T0));
        }
        Map<String, ContactItem> waiting = new HashMap<>();
        Map<String, String> holder = new HashMap<>();         // item -> agent holding it (offered or accepted)
        Map<String, Map<Media, Integer>> load = new HashMap<>();
        Set<String> done = new HashSet<>();
        Map<String, Media> mediumOf = new HashMap<>();
        int next = 0;
        Instant now = T0;
        for (int round = 0; round < rounds; round++) {
            now = now.plusSeconds(rnd.nextInt(40));
            for (int k = rnd.nextInt(4); k > 0; k--) {
                List<SkillRequirement> req = new ArrayList<>();
                for (String s : SKILLS) {
                    if (rnd.nextInt(4) == 0) {
                        req.add(new SkillRequirement(s, 1 + rnd.nextInt(5), rnd.nextBoolean()));
                    }
                }
                String id = "i" + next++;
                waiting.put(id, new ContactItem(id, QUEUES[rnd.nextInt(QUEUES.length)], Set.of("general"),
                        Media.values()[rnd.nextInt(Media.values().length)], req, rnd.nextInt(3) * 5, rnd.nextInt(5) == 0,
                        now, rnd.nextInt(4) == 0 ? "a" + rnd.nextInt(agentCount) : null, Set.of(), id));
            }
            List<AgentView> view = new ArrayList<>();
            for (AgentView a : agents.values()) {
                Map<Media, Integer> l = load.getOrDefault(a.id(), Map.of());
                int total = l.values().stream().mapToInt(Integer::intValue).sum();
                Presence p = !a.presence().takesWork() ? a.presence() : total > 0 ? Presence.BUSY : Presence.AVAILABLE;
                view.add(new AgentView(a.id(), a.name(), p, a.queues(), a.skills(), l, a.idleSince()));
            }
            Map<String, AgentView> before = new HashMap<>();
            view.forEach(a -> before.put(a.id(), a));

            List<Offer> offers = decide(engine, router, new ArrayList<>(waiting.values()), view, now);

            Set<String> offeredNow = new HashSet<>();
            Map<String, Map<Media, Integer>> after = new HashMap<>();
            before.forEach((id, a) -> after.put(id, new EnumMap<>(Media.class)));
            before.forEach((id, a) -> a.load().forEach((m, n) -> after.get(id).merge(m, n, Integer::sum)));
            for (Offer o : offers) {
                assertThat(offeredNow.add(o.itemId())).as("offered twice in one round: " + o.itemId()).isTrue();
                assertThat(holder).as("offered while held by an agent: " + o.itemId()).doesNotContainKey(o.itemId());
                assertThat(done).doesNotContain(o.itemId());
                ContactItem item = waiting.get(o.itemId());
                assertThat(item).isNotNull();
                AgentView a = before.get(o.agentId());
                AgentView withRound = new AgentView(a.id(), a.name(), a.presence(), a.queues(), a.skills(),
                        after.get(a.id()), a.idleSince());
                assertThat(router.eligible(withRound, item, now))
                        .as("offer %s to %s must meet skills, queue, presence and capacity", o.itemId(), o.agentId()).isTrue();
                after.get(a.id()).merge(item.media(), 1, Integer::sum);
            }
            // capacity and the exclusive rule hold for every agent after the round
            after.forEach((id, l) -> {
                int total = l.values().stream().mapToInt(Integer::intValue).sum();
                for (Media m : Media.values()) {
                    assertThat(l.getOrDefault(m, 0)).as("%s holds %s", id, m).isLessThanOrEqualTo(cap.of(m));
                    if (cap.exclusive().contains(m) && l.getOrDefault(m, 0) > 0) {
                        assertThat(total).as("%s has a call and more", id).isEqualTo(l.get(m));
                    }
                }
            });
            // an item left waiting had no eligible agent once the round's offers were made
            for (ContactItem item : waiting.values()) {
                if (!offeredNow.contains(item.id())) {
                    for (AgentView a : before.values()) {
                        AgentView end = new AgentView(a.id(), a.name(), a.presence(), a.queues(), a.skills(),
                                after.get(a.id()), a.idleSince());
                        assertThat(router.eligible(end, item, now)).as("%s left waiting though %s could take it",
                                item.id(), a.id()).isFalse();
                    }
                }
            }
            // agents accept, decline or let the offer time out
            for (Offer o : offers) {
                ContactItem item = waiting.remove(o.itemId());
                int fate = rnd.nextInt(4);
                if (fate == 0) {
                    waiting.put(item.id(), item.excluding(o.agentId())); // declined or timed out: routed again
                } else {
                    holder.put(item.id(), o.agentId());
                    mediumOf.put(item.id(), item.media());
                    load.computeIfAbsent(o.agentId(), k -> new EnumMap<>(Media.class)).merge(item.media(), 1, Integer::sum);
                }
            }
            // some work ends
            for (String itemId : new ArrayList<>(holder.keySet())) {
                if (rnd.nextInt(3) == 0) {
                    String agentId = holder.remove(itemId);
                    done.add(itemId);
                    load.get(agentId).merge(mediumOf.get(itemId), -1, Integer::sum);
                    load.get(agentId).values().removeIf(n -> n == 0);
                }
            }
        }
    }
}
