package org.fuwu.customer.internal;

/** Whether the bank still serves the customer under this file. */
public enum CustomerStatus {
    ACTIVE,
    CLOSED
}
