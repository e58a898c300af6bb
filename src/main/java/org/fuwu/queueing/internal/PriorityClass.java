package org.fuwu.queueing.internal;

import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.Segment;

/**
 * The class a ticket is served in: ordinary, VIP (VIP and private-banking customers) or
 * preferential (elderly, disabled, pregnant: priority by law, which wins over VIP), or appointment
 * (a booked customer who checked in in time: ranks from the booked time, see {@link AppointmentLateness}).
 */
public enum PriorityClass {
    ORDINARY,
    VIP,
    PREFERENTIAL,
    APPOINTMENT;

    /** The class of an identified customer; ORDINARY for none or a closed customer file. */
    public static PriorityClass of(CustomerRef customer) {
        if (customer == null || !customer.active()) {
            return ORDINARY;
        }
        if (!customer.preferentialClasses().isEmpty()) {
            return PREFERENTIAL;
        }
        return customer.segment() == Segment.ORDINARY ? ORDINARY : VIP;
    }
}
