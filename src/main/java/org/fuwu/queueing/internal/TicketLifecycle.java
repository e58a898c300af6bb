package org.fuwu.queueing.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The ticket state machine, Spring-free: which action is allowed from which state, and where it leads.
 *
 * <ul>
 *   <li>CALL: WAITING to CALLED (call next, or a walk-in served directly)</li>
 *   <li>RECALL: CALLED stays CALLED, at most {@code maxRecalls} times</li>
 *   <li>START: CALLED to SERVING</li>
 *   <li>COMPLETE: SERVING to COMPLETED, with an outcome</li>
 *   <li>NO_SHOW: CALLED to NO_SHOW</li>
 *   <li>TRANSFER: CALLED or SERVING back to WAITING (another service or counter); a WAITING ticket
 *       stays WAITING in another service or for one counter (the lobby manager reassigns it)</li>
 *   <li>PARK: CALLED or SERVING to PARKED (the customer steps aside, e.g. to fetch a document)</li>
 *   <li>RETURN: PARKED to CALLED (called back to a counter)</li>
 *   <li>CANCEL: AWAITING_CHECK_IN, WAITING, CALLED or PARKED to CANCELLED</li>
 *   <li>CHECK_IN: AWAITING_CHECK_IN to WAITING (a remote ticket's holder arrived)</li>
 *   <li>CLOSE: AWAITING_CHECK_IN, WAITING, CALLED or PARKED to CANCELLED with the outcome
 *       {@link #BRANCH_CLOSED} ("not served, branch closed", by the end of day); a ticket in service is
 *       left to its teller, who completes it</li>
 * </ul>
 */
public final class TicketLifecycle {

    /** What a teller (or the system) does to a ticket. */
    public enum Action {
        CALL, RECALL, START, COMPLETE, NO_SHOW, TRANSFER, PARK, RETURN, CANCEL, CHECK_IN, CLOSE
    }

    /** How a service ended. */
    public enum Outcome {
        DONE, FOLLOW_UP, REFERRED
    }

    /** An action not allowed in the ticket's state (or over a limit); the message key names why. */
    public static final class IllegalTransition extends RuntimeException {
        private final String messageKey;

        IllegalTransition(String messageKey, String detail) {
            super(detail);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private static final Map<Action, Set<TicketStatus>> FROM = Map.ofEntries(
            Map.entry(Action.CALL, EnumSet.of(TicketStatus.WAITING)),
            Map.entry(Action.RECALL, EnumSet.of(TicketStatus.CALLED)),
            Map.entry(Action.START, EnumSet.of(TicketStatus.CALLED)),
            Map.entry(Action.COMPLETE, EnumSet.of(TicketStatus.SERVING)),
            Map.entry(Action.NO_SHOW, EnumSet.of(TicketStatus.CALLED)),
            Map.entry(Action.TRANSFER, EnumSet.of(TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)),
            Map.entry(Action.PARK, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING)),
            Map.entry(Action.RETURN, EnumSet.of(TicketStatus.PARKED)),
            Map.entry(Action.CANCEL, EnumSet.of(TicketStatus.AWAITING_CHECK_IN, TicketStatus.WAITING,
                    TicketStatus.CALLED, TicketStatus.PARKED)),
            Map.entry(Action.CHECK_IN, EnumSet.of(TicketStatus.AWAITING_CHECK_IN)),
            Map.entry(Action.CLOSE, EnumSet.of(TicketStatus.AWAITING_CHECK_IN, TicketStatus.WAITING,
                    TicketStatus.CALLED, TicketStatus.PARKED)));

    private static final Map<Action, TicketStatus> TO = Map.ofEntries(
            Map.entry(Action.CALL, TicketStatus.CALLED),
            Map.entry(Action.RECALL, TicketStatus.CALLED),
            Map.entry(Action.START, TicketStatus.SERVING),
            Map.entry(Action.COMPLETE, TicketStatus.COMPLETED),
            Map.entry(Action.NO_SHOW, TicketStatus.NO_SHOW),
            Map.entry(Action.TRANSFER, TicketStatus.WAITING),
            Map.entry(Action.PARK, TicketStatus.PARKED),
            Map.entry(Action.RETURN, TicketStatus.CALLED),
            Map.entry(Action.CANCEL, TicketStatus.CANCELLED),
            Map.entry(Action.CHECK_IN, TicketStatus.WAITING),
            Map.entry(Action.CLOSE, TicketStatus.CANCELLED));

    /** The outcome of a ticket closed by the end of day: not served, the branch closed. */
    public static final String BRANCH_CLOSED = "BRANCH_CLOSED";

    private final int maxRecalls;

    /** @param maxRecalls how often a called ticket may be called again before it can only be a no-show */
    public TicketLifecycle(int maxRecalls) {
        if (maxRecalls < 0) {
            throw new IllegalArgumentException("maxRecalls must be >= 0");
        }
        this.maxRecalls = maxRecalls;
    }

    public int maxRecalls() {
        return maxRecalls;
    }

    /** Whether {@code action} is allowed from {@code from} (the recall limit aside). */
    public boolean allows(TicketStatus from, Action action) {
        return FROM.get(action).contains(from);
    }

    /**
     * The state after {@code action}.
     *
     * @param recallsSoFar how often the ticket was recalled already (used by RECALL)
     * @throws IllegalTransition when not allowed
     */
    public TicketStatus next(TicketStatus from, Action action, int recallsSoFar) {
        if (!allows(from, action)) {
            throw new IllegalTransition("queueing.conflict.illegalTransition", action + " from " + from);
        }
        if (action == Action.RECALL && recallsSoFar >= maxRecalls) {
            throw new IllegalTransition("queueing.conflict.recallLimit", "recalls " + recallsSoFar + " of " + maxRecalls);
        }
        return TO.get(action);
    }
}
