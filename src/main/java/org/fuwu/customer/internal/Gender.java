package org.fuwu.customer.internal;

/** A customer's gender, as the ID number states it when there is one. */
public enum Gender {
    MALE,
    FEMALE,
    UNKNOWN
}
