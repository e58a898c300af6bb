package org.fuwu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rankings of the policies. */
final class Rankings {

    private Rankings() {
    }

    static Ranking of(PolicyParameters parameters) {
        return switch (parameters.kind()) {
            case FIRST_COME_FIRST_SERVED -> new FirstCome();
            case STRICT_PRIORITY -> new StrictPriority();
            case WEIGHTED_ROUND_ROBIN -> new WeightedRoundRobin(parameters.roundRobinWeights());
            case AGEING -> new Ageing(parameters.ageingBoost());
        };
    }

    /** Picks the first candidate (in first-come order) that is maximal for {@code comparator}. */
    static WaitingItem firstMax(List<WaitingItem> candidates, Comparator<WaitingItem> comparator) {
        WaitingItem best = candidates.get(0);
        for (WaitingItem item : candidates) {
            if (comparator.compare(item, best) > 0) {
                best = item;
            }
        }
        return best;
    }

    /** The first in first-come order. */
    static final class FirstCome implements Ranking {
        @Override
        public Choice choose(List<WaitingItem> candidates, RoutingState state, Instant now) {
            return new Choice(candidates.get(0), state);
        }

        @Override
        public Decision.Reason ownReason() {
            return Decision.Reason.FIRST_COME;
        }
    }

    /** Highest class rank, then VIP level, then first come. */
    static final class StrictPriority implements Ranking {
        private static final Comparator<WaitingItem> RANK = Comparator
                .comparingInt((WaitingItem item) -> item.priorityClass().rank())
                .thenComparingInt(WaitingItem::vipLevel);

        @Override
        public Choice choose(List<WaitingItem> candidates, RoutingState state, Instant now) {
            return new Choice(firstMax(candidates, RANK), state);
        }

        @Override
        public Decision.Reason ownReason() {
            return Decision.Reason.FIRST_COME;
        }
    }

    /**
     * Smooth weighted round robin between the lanes that have candidates: each such lane gains its weight,
     * the lane with most credit (ties: higher rank) is served and pays the sum of the weights of the lanes
     * present. Lanes without candidates drop their credit, so an idle lane does not save up a burst.
     * Within a lane: first come.
     */
    static final class WeightedRoundRobin implements Ranking {
        private final Map<PriorityClass, Integer> weights;

        WeightedRoundRobin(Map<PriorityClass, Integer> weights) {
            this.weights = weights;
        }

        static PriorityClass laneOf(WaitingItem item) {
            return item.priorityClass() == PriorityClass.APPOINTMENT ? PriorityClass.ORDINARY : item.priorityClass();
        }

        @Override
        public Choice choose(List<WaitingItem> candidates, RoutingState state, Instant now) {
            Set<PriorityClass> present = EnumSet.noneOf(PriorityClass.class);
            candidates.forEach(item -> present.add(laneOf(item)));
            Map<PriorityClass, Long> credits = new EnumMap<>(PriorityClass.class);
            long total = 0;
            PriorityClass best = null;
            for (PriorityClass lane : present) {
                long weight = weights.get(lane);
                total += weight;
                long credit = state.creditOf(lane) + weight;
                credits.put(lane, credit);
                if (best == null || credit > credits.get(best)
                        || (credit == credits.get(best) && lane.rank() > best.rank())) {
                    best = lane;
                }
            }
            credits.put(best, credits.get(best) - total);
            PriorityClass lane = best;
            WaitingItem chosen = candidates.stream().filter(item -> laneOf(item) == lane).findFirst().orElseThrow();
            return new Choice(chosen, state.with(credits));
        }

        @Override
        public Decision.Reason ownReason() {
            return Decision.Reason.ROUND_ROBIN;
        }
    }

    /** Highest score = class boost (times VIP level) + time waited; ties: first come. */
    static final class Ageing implements Ranking {
        private final Map<PriorityClass, Duration> boost;

        Ageing(Map<PriorityClass, Duration> boost) {
            this.boost = boost;
        }

        Duration score(WaitingItem item, Instant now) {
            Duration head = boost.getOrDefault(item.priorityClass(), Duration.ZERO);
            if (item.priorityClass() == PriorityClass.VIP) {
                head = head.multipliedBy(item.vipLevel());
            }
            return head.plus(item.waitedAt(now));
        }

        @Override
        public Choice choose(List<WaitingItem> candidates, RoutingState state, Instant now) {
            return new Choice(firstMax(candidates, Comparator.comparing(item -> score(item, now))), state);
        }

        @Override
        public Decision.Reason ownReason() {
            return Decision.Reason.AGEING;
        }
    }
}
