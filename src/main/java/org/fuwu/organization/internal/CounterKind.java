package org.fuwu.organization.internal;

/** What kind of customer a counter serves. */
public enum CounterKind {
    NORMAL,
    VIP,
    WEALTH
}
