package org.fuwu.queueing.internal;

/** The states of a ticket; {@link TicketLifecycle} says which actions lead from one to another. */
public enum TicketStatus {
    /**
     * A remote ticket of a branch that requires check-in on arrival: it holds its place (it ranks from its
     * issue time) but is not called until the customer checks in, on the status page or at the kiosk.
     */
    AWAITING_CHECK_IN,
    WAITING,
    CALLED,
    SERVING,
    PARKED,
    COMPLETED,
    NO_SHOW,
    CANCELLED;

    public boolean isOpen() {
        return this == AWAITING_CHECK_IN || this == WAITING || this == CALLED || this == SERVING || this == PARKED;
    }
}
