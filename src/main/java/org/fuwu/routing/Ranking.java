package org.fuwu.routing;

import java.time.Instant;
import java.util.List;

/** The rule of one policy, without the fairness bound: picks one of the candidates. */
interface Ranking {

    /**
     * @param candidates not empty, in first-come order, all of one preference tier of the server
     * @return the choice; its item is one of the candidates
     */
    Choice choose(List<WaitingItem> candidates, RoutingState state, Instant now);

    /** The reason to give when the choice overtakes items of its own tier and is not a priority class. */
    Decision.Reason ownReason();

    record Choice(WaitingItem item, RoutingState nextState) {
    }
}
