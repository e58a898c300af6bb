package org.fuwu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Proves the fairness bound and the basic guarantees by simulation: random lobbies (arrivals of every class,
 * appointments, several queues), random counters (which queues each serves, in which preference tier),
 * every policy with random parameters. Calls are made step by step and each decision is carried out.
 * The test keeps its own record of overtakes, computed from the first-come order, and does not trust the
 * counts the policy reports.
 */
class FairnessBoundPropertyTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final List<String> QUEUES = List.of("A", "B", "C");

    /** One step: an arrival, or a call by one server; time moves on first. */
    record Step(int secondsLater, boolean arrival, String queue, PriorityClass priorityClass, int vipLevel,
                int dueInMinutes, int server) {
    }

    /** A decision made, with the overtake count of the item whose bound decided it (0 if none). */
    record Call(Decision decision, int boundItemOvertakes) {
    }

    record Scenario(PolicyParameters parameters, List<ServerView> servers, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<PolicyParameters> parameters = Combinators.combine(
                Arbitraries.of(PolicyKind.class),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 4).list().ofSize(3),
                Arbitraries.integers().between(0, 30).list().ofSize(3)
        ).as((kind, k, m, weights, boosts) -> new PolicyParameters(kind, new FairnessBound(k, Duration.ofMinutes(m)),
                Map.of(PriorityClass.PREFERENTIAL, weights.get(0), PriorityClass.VIP, weights.get(1),
                        PriorityClass.ORDINARY, weights.get(2)),
                Map.of(PriorityClass.PREFERENTIAL, Duration.ofMinutes(boosts.get(0)),
                        PriorityClass.VIP, Duration.ofMinutes(boosts.get(1)),
                        PriorityClass.APPOINTMENT, Duration.ofMinutes(boosts.get(2)))));
        Arbitrary<ServerView> server = Arbitraries.integers().between(0, 2).list().ofSize(QUEUES.size()).map(tiers -> {
            Map<String, Integer> preference = new HashMap<>();
            for (int i = 0; i < QUEUES.size(); i++) {
                if (tiers.get(i) > 0) {
                    preference.put(QUEUES.get(i), tiers.get(i));
                }
            }
            if (preference.isEmpty()) {
                preference.put("A", 1);
            }
            return new ServerView("S", preference);
        });
        Arbitrary<List<ServerView>> servers = server.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            List<ServerView> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                named.add(new ServerView("C0" + (i + 1), list.get(i).queuePreference()));
            }
            return named;
        });
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 240),
                Arbitraries.integers().between(0, 9),
                Arbitraries.of(QUEUES),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.just(PriorityClass.ORDINARY)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(PriorityClass.VIP)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(PriorityClass.PREFERENTIAL)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(PriorityClass.APPOINTMENT))),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(-20, 40),
                Arbitraries.integers().between(0, 3)
        ).as((seconds, kind, queue, cls, level, due, serverIndex) ->
                new Step(seconds, kind < 6, queue, cls, level, due, serverIndex));
        return Combinators.combine(parameters, servers, step.list().ofMinSize(10).ofMaxSize(150)).as(Scenario::new);
    }

    @Property(tries = 1000)
    void noOrdinaryCustomerIsDelayedBeyondTheBound(@ForAll("scenarios") Scenario scenario) {
        List<Call> calls = simulate(scenario);
        // the scenarios do reach the bound, by count and by time, and do overtake: the property is not vacuous
        boolean byCount = calls.stream().anyMatch(c -> c.decision().reason() == Decision.Reason.FAIRNESS_BOUND
                && c.boundItemOvertakes() >= c.decision().fairness().maxOvertakes());
        boolean byTime = calls.stream().anyMatch(c -> c.decision().reason() == Decision.Reason.FAIRNESS_BOUND
                && c.boundItemOvertakes() < c.decision().fairness().maxOvertakes());
        Statistics.label("bound reached by count").collect(byCount)
                .coverage(c -> c.check(true).percentage(p -> p > 4));
        Statistics.label("bound reached by time").collect(byTime)
                .coverage(c -> c.check(true).percentage(p -> p > 1));
        Statistics.label("overtakes").collect(calls.stream().anyMatch(c -> !c.decision().overtaken().isEmpty()))
                .coverage(c -> c.check(true).percentage(p -> p > 15));
    }



    @Property(tries = 300)
    void firstComeWithoutPreferencesNeverOvertakes(@ForAll("scenarios") Scenario scenario) {
        List<ServerView> flat = scenario.servers().stream()
                .map(s -> ServerView.serving(s.id(), s.queuePreference().keySet().toArray(String[]::new))).toList();
        Scenario fcfs = new Scenario(PolicyParameters.of(PolicyKind.FIRST_COME_FIRST_SERVED,
                scenario.parameters().fairness()), flat, scenario.steps());
        assertThat(simulate(fcfs)).allSatisfy(call -> assertThat(call.decision().overtaken()).isEmpty());
    }

    @Test
    void theSimulationCatchesAPolicyThatBreaksTheBound() {
        PolicyParameters strict = PolicyParameters.of(PolicyKind.STRICT_PRIORITY, new FairnessBound(2, Duration.ofHours(1)));
        Step ordinary = new Step(10, true, "A", PriorityClass.ORDINARY, 1, 0, 0);
        Step vip = new Step(10, true, "A", PriorityClass.VIP, 1, 0, 0);
        Step call = new Step(10, false, "A", PriorityClass.ORDINARY, 1, 0, 0);
        Scenario scenario = new Scenario(strict, List.of(ServerView.serving("C01", "A")),
                List.of(ordinary, vip, call, vip, call, vip, call, call));
        assertThat(simulate(scenario)).extracting(c -> c.decision().chosen().priorityClass())
                .containsExactly(PriorityClass.VIP, PriorityClass.VIP, PriorityClass.ORDINARY, PriorityClass.VIP);
        SelectionPolicy unfair = new FairnessGuard(Rankings.of(strict), new FairnessBound(1000, Duration.ofDays(1)));
        assertThatThrownBy(() -> simulate(scenario, unfair)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("overtakes of A1");
    }

    /** Runs the scenario, checking every decision; returns the decisions made. */
    static List<Call> simulate(Scenario scenario) {
        return simulate(scenario, SelectionPolicy.of(scenario.parameters()));
    }

    /** Runs the scenario with the given policy, checking against the bound of the scenario's parameters. */
    static List<Call> simulate(Scenario scenario, SelectionPolicy policy) {
        FairnessBound bound = scenario.parameters().fairness();
        List<WaitingItem> waiting = new ArrayList<>();
        Set<String> called = new HashSet<>();
        Map<String, Integer> overtakes = new HashMap<>();
        Map<String, Instant> firstOvertaken = new HashMap<>();
        List<Call> calls = new ArrayList<>();
        RoutingState state = RoutingState.INITIAL;
        Instant now = T0;
        int sequence = 0;
        for (Step step : scenario.steps()) {
            now = now.plusSeconds(step.secondsLater());
            if (step.arrival()) {
                sequence++;
                String id = step.queue() + sequence;
                WaitingItem item = step.priorityClass() == PriorityClass.APPOINTMENT
                        ? WaitingItem.appointment(id, step.queue(), now, now.plus(Duration.ofMinutes(step.dueInMinutes())),
                        sequence)
                        : WaitingItem.of(id, step.queue(), step.priorityClass(), step.vipLevel(), now, sequence);
                waiting.add(item);
                continue;
            }
            ServerView server = scenario.servers().get(step.server() % scenario.servers().size());
            Decision decision = policy.select(server, waiting, state, now);
            assertThat(policy.select(server, waiting, state, now)).as("deterministic").isEqualTo(decision);
            List<WaitingItem> eligible = waiting.stream().filter(item -> server.serves(item.queue()))
                    .sorted(WaitingItem.FIRST_COME_ORDER).toList();
            if (eligible.isEmpty()) {
                assertThat(decision.chosen()).isNull();
                assertThat(decision.reason()).isEqualTo(Decision.Reason.NONE_WAITING);
                continue;
            }
            // work-conserving, only served queues, never twice
            WaitingItem chosen = decision.chosen();
            assertThat(chosen).as("work-conserving").isNotNull();
            assertThat(server.serves(chosen.queue())).as("served queue").isTrue();
            assertThat(called.add(chosen.id())).as("never chosen twice").isTrue();
            assertThat(waiting).contains(chosen);
            // the overtaken are exactly those earlier in first-come order among what this server can take
            List<WaitingItem> earlier = eligible.subList(0, eligible.indexOf(chosen));
            assertThat(decision.overtaken()).containsExactlyElementsOf(earlier);
            for (WaitingItem item : earlier) {
                if (!item.fairnessProtected()) {
                    continue;
                }
                int count = overtakes.merge(item.id(), 1, Integer::sum);
                Instant first = firstOvertaken.computeIfAbsent(item.id(), id -> decision.at());
                assertThat(count).as("overtakes of %s", item.id()).isLessThanOrEqualTo(bound.maxOvertakes());
                if (count > 1) {
                    assertThat(decision.at()).as("overtaken %s after M minutes", item.id())
                            .isBefore(first.plus(bound.maxDelay()));
                }
            }
            assertThat(decision.explain()).isNotBlank().startsWith(chosen.label() + " called");
            int boundItemOvertakes = waiting.stream().filter(item -> item.label().equals(decision.boundItem()))
                    .mapToInt(WaitingItem::overtakes).findFirst().orElse(0);
            calls.add(new Call(decision, boundItemOvertakes));
            waiting = decision.apply(waiting);
            state = decision.nextState();
            // the policy's own record agrees with the test's
            for (WaitingItem item : waiting) {
                if (item.fairnessProtected()) {
                    assertThat(item.overtakes()).isEqualTo(overtakes.getOrDefault(item.id(), 0));
                    assertThat(item.firstOvertakenAt()).isEqualTo(firstOvertaken.get(item.id()));
                }
            }
        }
        return calls;
    }
}
