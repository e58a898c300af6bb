package org.fuwu.customer;

/** The classes of customer served with priority (优先服务): the elderly, the disabled and the pregnant. */
public enum PreferentialClass {
    ELDERLY,
    DISABLED,
    PREGNANT
}
