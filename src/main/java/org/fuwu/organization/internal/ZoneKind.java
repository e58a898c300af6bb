package org.fuwu.organization.internal;

/** What a service zone of a branch lobby is for (分区服务). */
public enum ZoneKind {
    LARGE_CASH,
    SMALL_CASH,
    NON_CASH,
    WEALTH,
    FOREIGN_EXCHANGE,
    SELF_SERVICE,
    VIP
}
