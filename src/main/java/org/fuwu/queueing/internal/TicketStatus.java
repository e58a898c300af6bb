package org.fuwu.queueing.internal;

/** The states of a ticket; {@link TicketLifecycle} says which actions lead from one to another. */
public enum TicketStatus {
    WAITING,
    CALLED,
    SERVING,
    PARKED,
    COMPLETED,
    NO_SHOW,
    CANCELLED;

    public boolean isOpen() {
        return this == WAITING || this == CALLED || this == SERVING || this == PARKED;
    }
}
