package org.fuwu.queueing.internal;

/** Where a ticket was taken. */
public enum Channel {
    KIOSK,
    MOBILE,
    LOBBY_MANAGER,
    COUNTER,
    API
}
