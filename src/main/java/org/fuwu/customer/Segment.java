package org.fuwu.customer;

/** The customer segments a bank serves differently: ordinary, VIP and private banking. */
public enum Segment {
    ORDINARY,
    VIP,
    PRIVATE
}
