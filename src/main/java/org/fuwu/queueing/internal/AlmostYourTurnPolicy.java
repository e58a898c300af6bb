package org.fuwu.queueing.internal;

/**
 * When a waiting customer who gave a mobile number is told "almost your turn" (issue 3, point 6): as soon
 * as at most {@code peopleAhead} tickets wait ahead of theirs, or the median estimate of their wait (P50)
 * drops below {@code minutes}. Plain Java, no Spring.
 *
 * @param peopleAhead notify with this many ahead or fewer (0: only when next)
 * @param minutes notify when the P50 estimate is below this many minutes (0: the estimate is not used)
 */
public record AlmostYourTurnPolicy(int peopleAhead, int minutes) {

    public AlmostYourTurnPolicy {
        if (peopleAhead < 0 || peopleAhead > 100) {
            throw new IllegalArgumentException("fuwu.queueing.almost-turn.people-ahead must be 0 to 100, not " + peopleAhead);
        }
        if (minutes < 0 || minutes > 240) {
            throw new IllegalArgumentException("fuwu.queueing.almost-turn.minutes must be 0 to 240, not " + minutes);
        }
    }

    /** The default: two ahead, or less than five minutes. */
    public static AlmostYourTurnPolicy defaults() {
        return new AlmostYourTurnPolicy(2, 5);
    }

    /**
     * Whether to notify now.
     *
     * @param ahead the tickets waiting ahead (as the status page counts them)
     * @param p50Seconds the median estimate of the remaining wait
     */
    public boolean shouldNotify(int ahead, long p50Seconds) {
        if (ahead < 0 || p50Seconds < 0) {
            throw new IllegalArgumentException("ahead and the estimate are never negative");
        }
        return ahead <= peopleAhead || p50Seconds < minutes * 60L;
    }
}
