package org.fuwu.queueing.internal;

/** The states of a ticket. Only WAITING and CANCELLED are reached so far; the console adds the others. */
public enum TicketStatus {
    WAITING,
    CALLED,
    SERVING,
    COMPLETED,
    NO_SHOW,
    CANCELLED;

    public boolean isOpen() {
        return this == WAITING || this == CALLED || this == SERVING;
    }
}
