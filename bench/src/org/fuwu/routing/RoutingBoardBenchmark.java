package org.fuwu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The contact centre's routing engine at the scale: 1,000 agents and 10,000 waiting items of
 * mixed skills (12 skills, 10 queues, chat, e-mail and voice, 10 % VIP, some preferred agents, items
 * spread over the last 10 minutes so relaxation rings differ). One operation is one routing decision,
 * with its explanation:
 * <ul>
 *   <li>{@code agentFree}: an agent gets room (ended a chat) and is offered the best item they may take;</li>
 *   <li>{@code itemArrived}: a new item arrives while 20 % of the agents have room, and is offered to the best one.</li>
 * </ul>
 * Between operations, outside the measured time ({@code Level.Invocation}), the board is put back as it was
 * (the offered item back, the agent's load restored), so every decision meets 10,000 waiting items. The
 * measured time is the decision with its bookkeeping: the offered item leaves the index, the agent's load
 * grows by it; for {@code itemArrived} also indexing the arriving item.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.args="RoutingBoardBenchmark -f 1 -wi 3 -i 5 -w 2s -r 3s"</pre>
 */
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingBoardBenchmark {

    static final String[] SKILLS = {"lang-zh", "lang-en", "lang-yue", "cards", "loans", "deposits", "wealth", "fx",
            "complaints", "mortgage", "insurance", "online-banking"};
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    /** The centre: 1,000 agents and 10,000 waiting items; each event's state below is one. */
    @State(Scope.Thread)
    public abstract static class Centre {
    RoutingBoard board;
    List<AgentView> agents;
    List<ContactItem> items;
    List<ContactItem> arrivals;
    Random rnd;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        rnd = new Random(20261201);
        SkillsRouter router = new SkillsRouter(AgentCapacity.DEFAULT, Relaxation.DEFAULT, 20, 1, Duration.ofSeconds(20));
        board = new RoutingBoard(router);
        agents = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Integer> skills = new HashMap<>();
            skills.put("lang-zh", 3 + rnd.nextInt(3));
            for (int k = 0; k < 4; k++) {
                skills.put(SKILLS[1 + rnd.nextInt(SKILLS.length - 1)], 1 + rnd.nextInt(5));
            }
            Set<String> queues = new HashSet<>();
            queues.add("q" + rnd.nextInt(10));
            queues.add("q" + rnd.nextInt(10));
            queues.add("general");
            Map<Media, Integer> load = new EnumMap<>(Media.class);
            // every agent full: 3 chats, or a call; 20 % have room for one more chat
            if (rnd.nextInt(10) == 0) {
                load.put(Media.VOICE, 1);
            } else {
                load.put(Media.CHAT, i % 5 == 0 ? 2 : 3);
            }
            AgentView a = new AgentView("a" + i, "agent" + i, Presence.AVAILABLE, queues, skills, load,
                    NOW.minusSeconds(rnd.nextInt(600)));
            agents.add(a);
            board.putAgent(a);
        }
        items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ContactItem item = item("i" + i);
            items.add(item);
            board.putItem(item);
        }
        arrivals = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            arrivals.add(item("n" + i));
        }
    }

    private ContactItem item(String id) {
        List<SkillRequirement> req = new ArrayList<>();
        req.add(SkillRequirement.required(rnd.nextInt(5) == 0 ? "lang-en" : "lang-zh", 2));
        req.add(new SkillRequirement(SKILLS[3 + rnd.nextInt(SKILLS.length - 3)], 1 + rnd.nextInt(4), rnd.nextBoolean()));
        Media m = rnd.nextInt(10) < 7 ? Media.CHAT : rnd.nextBoolean() ? Media.EMAIL : Media.VOICE;
        return new ContactItem(id, "q" + rnd.nextInt(10), Set.of("general"), m, req, rnd.nextInt(4) == 0 ? 10 : 0,
                rnd.nextInt(10) == 0, NOW.minusSeconds(rnd.nextInt(600)),
                rnd.nextInt(20) == 0 ? "a" + rnd.nextInt(1000) : null, Set.of(), id);
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Iteration)
    public void report() {
        System.out.println(" [waiting " + board.waiting() + ", agents with room " + agents.stream()
                .filter(a -> board.agent(a.id()).map(v -> v.load(Media.CHAT) < 3).orElse(false)).count() + "]");
    }

    private final Map<String, ContactItem> byId = new HashMap<>();

    ContactItem itemById(String id) {
        if (byId.isEmpty()) {
            items.forEach(i -> byId.put(i.id(), i));
        }
        return byId.get(id);
    }
    }

    /** The event of {@code agentFree}: an agent ends a chat and has room; the previous decision is undone first. */
    @State(Scope.Thread)
    public static class AgentEvent extends Centre {
        AgentView agent;
        ContactItem taken;

        @Setup(Level.Invocation)
        public void next() {
            Centre b = this;
            if (taken != null) {
                b.board.putItem(taken);
                taken = null;
            }
            if (agent != null) {
                b.board.putAgent(agent);
            }
            agent = b.agents.get(b.rnd.nextInt(b.agents.size()));
            Map<Media, Integer> room = new EnumMap<>(Media.class);
            room.put(Media.CHAT, 2);
            b.board.putAgent(new AgentView(agent.id(), agent.name(), agent.presence(), agent.queues(), agent.skills(),
                    room, agent.idleSince()));
        }
    }

    /** The event of {@code itemArrived}: a new item; the previous decision is undone first. */
    @State(Scope.Thread)
    public static class Arrival extends Centre {
        ContactItem item;
        AgentView offeredTo;

        @Setup(Level.Invocation)
        public void next() {
            Centre b = this;
            if (item != null) {
                b.board.removeItem(item.id());
            }
            if (offeredTo != null) {
                b.board.putAgent(offeredTo);
                offeredTo = null;
            }
            item = b.arrivals.get(b.next++ & 4095);
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public Optional<SkillsRouter.Offer> agentFree(AgentEvent e) {
        Centre c = e;
        Optional<SkillsRouter.Offer> o = c.board.agentFree(e.agent.id(), NOW);
        o.ifPresent(offer -> e.taken = c.itemById(offer.itemId()));
        return o;
    }

    /** Measured: indexing the arriving item and the decision for it. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public Optional<SkillsRouter.Offer> itemArrived(Arrival e) {
        Centre c = e;
        c.board.putItem(e.item);
        Optional<SkillsRouter.Offer> o = c.board.itemArrived(e.item.id(), NOW);
        o.ifPresent(offer -> e.offeredTo = c.agents.get(Integer.parseInt(offer.agentId().substring(1))));
        return o;
    }
}
