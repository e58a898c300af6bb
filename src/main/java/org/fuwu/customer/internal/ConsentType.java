package org.fuwu.customer.internal;

/** What a customer consents to. Marketing by any channel is one consent, as the customer gives it. */
public enum ConsentType {
    MARKETING
}
