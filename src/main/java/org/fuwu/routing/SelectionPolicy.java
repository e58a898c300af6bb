package org.fuwu.routing;

import java.time.Instant;
import java.util.List;

/**
 * Chooses the next item for a server. A pure function: the same inputs always give the same decision,
 * nothing is remembered between calls except through {@link RoutingState}.
 *
 * <p>Every policy made by {@link #of(PolicyParameters)} keeps the {@link FairnessBound}, calls only items of
 * queues the server serves, and is work-conserving: when anything eligible waits, it chooses an item.
 */
public interface SelectionPolicy {

    /**
     * Decides the next call.
     *
     * @param server  the calling server
     * @param waiting everything waiting (any queue, any order); items of queues the server does not serve are ignored
     * @param state   the state from the previous decision ({@link RoutingState#INITIAL} at first)
     * @param now     the time of the call
     * @return the decision; {@link Decision#chosen()} is null only when nothing eligible waits
     */
    Decision select(ServerView server, List<WaitingItem> waiting, RoutingState state, Instant now);

    /** The policy of the given parameters, guarded by their fairness bound. */
    static SelectionPolicy of(PolicyParameters parameters) {
        return new FairnessGuard(Rankings.of(parameters), parameters.fairness());
    }

    /** The policy of the given kind with default parameters. */
    static SelectionPolicy of(PolicyKind kind) {
        return of(PolicyParameters.of(kind));
    }
}
