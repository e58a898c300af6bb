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
 *   <li>TRANSFER: CALLED or SERVING back to WAITING (another service or counter)</li>
 *   <li>PARK: CALLED or SERVING to PARKED (the customer steps aside, e.g. to fetch a document)</li>
 *   <li>RETURN: PARKED to CALLED (called back to a counter)</li>
 *   <li>CANCEL: WAITING, CALLED or PARKED to CANCELLED</li>
 * </ul>
 */
public final class TicketLifecycle {

    /** What a teller (or the system) does to a ticket. */
    public enum Action {
        CALL, RECALL, START, COMPLETE, NO_SHOW, TRANSFER, PARK, RETURN, CANCEL
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

    private static final Map<Action, Set<TicketStatus>> FROM = Map.of(
            Action.CALL, EnumSet.of(TicketStatus.WAITING),
            Action.RECALL, EnumSet.of(TicketStatus.CALLED),
            Action.START, EnumSet.of(TicketStatus.CALLED),
            Action.COMPLETE, EnumSet.of(TicketStatus.SERVING),
            Action.NO_SHOW, EnumSet.of(TicketStatus.CALLED),
            Action.TRANSFER, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING),
            Action.PARK, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING),
            Action.RETURN, EnumSet.of(TicketStatus.PARKED),
            Action.CANCEL, EnumSet.of(TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.PARKED));

    private static final Map<Action, TicketStatus> TO = Map.of(
            Action.CALL, TicketStatus.CALLED,
            Action.RECALL, TicketStatus.CALLED,
            Action.START, TicketStatus.SERVING,
            Action.COMPLETE, TicketStatus.COMPLETED,
            Action.NO_SHOW, TicketStatus.NO_SHOW,
            Action.TRANSFER, TicketStatus.WAITING,
            Action.PARK, TicketStatus.PARKED,
            Action.RETURN, TicketStatus.CALLED,
            Action.CANCEL, TicketStatus.CANCELLED);

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
