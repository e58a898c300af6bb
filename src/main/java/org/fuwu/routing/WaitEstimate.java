package org.fuwu.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * An estimated wait as a range: half of the customers wait less than {@code p50}, nine in ten less than {@code p90}.
 *
 * @param p50 the median wait
 * @param p90 the 90th percentile, at least {@code p50}
 */
public record WaitEstimate(Duration p50, Duration p90) {

    /** No wait. */
    public static final WaitEstimate ZERO = new WaitEstimate(Duration.ZERO, Duration.ZERO);

    public WaitEstimate {
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        if (p50.isNegative() || p90.compareTo(p50) < 0) {
            throw new IllegalArgumentException("need 0 <= p50 <= p90");
        }
    }
}
