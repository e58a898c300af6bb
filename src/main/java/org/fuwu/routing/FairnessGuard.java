package org.fuwu.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Wraps a ranking in the {@link FairnessBound} (see there for the definitions), the service matrix and
 * the decision record.
 *
 * <p>Steps: (1) the eligible items are those of queues the server serves, in first-come order;
 * (2) if a protected item is closed by the bound, the candidates are cut after the first closed item,
 * so nothing later than it can be chosen; (3) the candidates are reduced to the best preference tier
 * present; (4) the ranking chooses; (5) every eligible item before the chosen one is overtaken.
 * Since the chosen item is at or before the first closed item, no closed item is ever overtaken.
 */
final class FairnessGuard implements SelectionPolicy {

    private final Ranking ranking;
    private final FairnessBound bound;

    FairnessGuard(Ranking ranking, FairnessBound bound) {
        this.ranking = Objects.requireNonNull(ranking);
        this.bound = Objects.requireNonNull(bound);
    }

    @Override
    public Decision select(ServerView server, List<WaitingItem> waiting, RoutingState state, Instant now) {
        RoutingState current = state == null ? RoutingState.INITIAL : state;
        List<WaitingItem> eligible = waiting.stream().filter(item -> server.serves(item.queue()))
                .sorted(WaitingItem.FIRST_COME_ORDER).toList();
        if (eligible.isEmpty()) {
            return new Decision(server.id(), now, null, List.of(), Decision.Reason.NONE_WAITING, null, bound, current);
        }
        int closed = -1;
        for (int i = 0; i < eligible.size(); i++) {
            if (bound.closes(eligible.get(i), now)) {
                closed = i;
                break;
            }
        }
        List<WaitingItem> candidates = closed < 0 ? eligible : eligible.subList(0, closed + 1);
        Ranking.Choice choice = ranking.choose(bestTier(server, candidates), current, now);
        WaitingItem chosen = choice.item();
        int chosenIndex = eligible.indexOf(chosen);
        List<WaitingItem> overtaken = List.copyOf(eligible.subList(0, chosenIndex));

        boolean boundDecided = closed >= 0
                && !ranking.choose(bestTier(server, eligible), current, now).item().equals(chosen);
        Decision.Reason reason;
        String boundItem = null;
        if (boundDecided) {
            reason = Decision.Reason.FAIRNESS_BOUND;
            boundItem = eligible.get(closed).label();
        } else if (overtaken.isEmpty()) {
            reason = Decision.Reason.FIRST_COME;
        } else if (overtaken.stream().allMatch(item -> server.tierOf(item.queue()) > server.tierOf(chosen.queue()))) {
            reason = Decision.Reason.QUEUE_PREFERENCE;
        } else if (chosen.priorityClass() == PriorityClass.PREFERENTIAL) {
            reason = Decision.Reason.PREFERENTIAL;
        } else if (chosen.priorityClass() == PriorityClass.VIP) {
            reason = Decision.Reason.VIP;
        } else {
            reason = ranking.ownReason();
        }
        return new Decision(server.id(), now, chosen, overtaken, reason, boundItem, bound, choice.nextState());
    }

    private static List<WaitingItem> bestTier(ServerView server, List<WaitingItem> candidates) {
        int best = Integer.MAX_VALUE;
        for (WaitingItem item : candidates) {
            best = Math.min(best, server.tierOf(item.queue()));
        }
        List<WaitingItem> result = new ArrayList<>();
        for (WaitingItem item : candidates) {
            if (server.tierOf(item.queue()) == best) {
                result.add(item);
            }
        }
        return result;
    }
}
