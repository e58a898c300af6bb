package org.fuwu.contact.internal;

/** Where a conversation stands. */
public enum ConversationStatus {
    /** Waiting in its queue for an agent. */
    QUEUED,
    /** Offered to one agent, until the offer is accepted, declined or lapses. */
    OFFERED,
    /** Being handled by its agent. */
    ASSIGNED,
    /** Ended by its agent with a wrap-up code. */
    ENDED,
    /** The customer left before an agent took it. */
    ABANDONED;

    public boolean open() {
        return this == QUEUED || this == OFFERED || this == ASSIGNED;
    }
}
