package org.fuwu.queueing.internal;

import java.time.Instant;
import java.util.List;

/**
 * The booked appointments that have not yet become tickets, as the wait estimate needs them: an
 * appointment due before a walk-in customer's turn will be merged ahead of that customer, so the
 * estimate counts it. Implemented by the appointment book; the estimate works without one (no
 * appointments).
 */
public interface UpcomingAppointments {

    /**
     * The booked times of the appointments for a service of a branch that are due from {@code from} (inclusive)
     * to {@code to} (exclusive) and not yet checked in, cancelled or missed, earliest first. (No unbalanced
     * brackets in Javadoc: the parser of Spring Modulith's documentation splits its JSON on them.)
     */
    List<Instant> bookedBetween(String branchCode, String serviceCode, Instant from, Instant to);
}
