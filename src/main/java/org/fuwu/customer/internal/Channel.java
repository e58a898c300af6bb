package org.fuwu.customer.internal;

/** Where an identity or a consent came from. */
public enum Channel {
    BRANCH,
    PHONE,
    APP,
    WEB,
    WECHAT,
    SMS,
    EMAIL,
    SYSTEM
}
