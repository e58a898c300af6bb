package org.fuwu.queueing.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Booked appointments that will be merged ahead of a customer: a named policy, plain Java.
 *
 * <p>An appointment customer reaches a counter near the booked time, so every appointment of the
 * service due before the customer's own estimated turn (now + the estimate's P50) will be served
 * before them and counts as one more person ahead. Counting them lengthens the estimate, which can
 * bring more appointments before the turn; the policy repeats until the count no longer grows (at
 * most {@link #MAX_ROUNDS} times; it can only grow, and is bounded by the appointments given).
 * Appointments already due (booked in the past but not yet checked in) count too: they are late,
 * and the lateness rules merge them ahead on arrival.
 */
public final class AppointmentsAhead {

    /** The most rounds of re-estimation. */
    public static final int MAX_ROUNDS = 6;

    private AppointmentsAhead() {
    }

    /**
     * The estimate with the appointments due before the customer's turn counted ahead.
     *
     * @param peopleAhead the tickets waiting ahead of the customer
     * @param booked the booked times of the service's upcoming appointments (any order)
     * @param now the moment of the estimate
     * @param estimate the wait estimate for a number of people ahead
     * @return the final estimate and how many appointments it counted
     */
    public static Result estimate(int peopleAhead, List<Instant> booked, Instant now, IntFunction<WaitEstimate> estimate) {
        int appointments = 0;
        WaitEstimate current = estimate.apply(peopleAhead);
        for (int round = 0; round < MAX_ROUNDS && !booked.isEmpty(); round++) {
            Instant turn = now.plusSeconds(current.p50Seconds());
            int due = (int) booked.stream().filter(t -> t.isBefore(turn)).count();
            if (due <= appointments) {
                break;
            }
            appointments = due;
            current = estimate.apply(peopleAhead + appointments);
        }
        return new Result(current, appointments);
    }

    /** An estimate and the appointments counted in it. */
    public record Result(WaitEstimate estimate, int appointmentsAhead) {
    }
}
