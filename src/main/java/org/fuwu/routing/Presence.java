package org.fuwu.routing;

/** An agent's presence. Only AVAILABLE agents (and BUSY ones with capacity left) are offered work. */
public enum Presence {
    /** Ready for work. */
    AVAILABLE,
    /** Handling work; may take more of a medium while capacity is left. */
    BUSY,
    /** Wrapping up the last contact (after-call work), on a timer; no new work. */
    AFTER_CALL_WORK,
    /** On a break; no new work. */
    BREAK,
    /** Logged out. */
    OFFLINE;

    /** Whether an agent in this presence may be offered work at all. */
    public boolean takesWork() {
        return this == AVAILABLE || this == BUSY;
    }
}
