package org.fuwu.queueing.internal;

/**
 * The simple wait estimate, the fallback of {@link LobbyWaitEstimates} when no counter serves a service: the expected service time
 * times the people ahead, divided by the counters that serve the service (at least one).
 * P90 is {@link #P90_FACTOR} times P50: service times in a bank lobby are roughly exponential, and
 * the ratio of the 90th percentile to the median of a queue's wait is about 1.5 at moderate load.
 */
public final class SimpleWaitEstimator {

    /** The documented factor from P50 to P90. */
    public static final double P90_FACTOR = 1.5;

    private SimpleWaitEstimator() {
    }

    public static WaitEstimate estimate(int peopleAhead, int expectedServiceSeconds, int counters) {
        if (peopleAhead < 0 || expectedServiceSeconds < 0) {
            throw new IllegalArgumentException("negative queue or service time");
        }
        long p50 = Math.round((double) peopleAhead * expectedServiceSeconds / Math.max(1, counters));
        return new WaitEstimate(p50, Math.round(p50 * P90_FACTOR));
    }
}
