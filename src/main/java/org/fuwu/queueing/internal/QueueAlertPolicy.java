package org.fuwu.queueing.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lobby manager's early warning (issue 3, point 8), Spring-free: is a service's queue going to
 * keep a customer waiting longer than the service's target, before anyone actually has?
 *
 * <p>For every customer waiting for the service, the projected wait is the time waited so far plus
 * the P50 estimate of the rest (the people ahead of them); for a customer arriving now it is the P50
 * estimate behind everyone waiting. The levels:
 * <ul>
 *   <li>{@link Level#BREACHED}: someone has already waited longer than the target;</li>
 *   <li>{@link Level#PREDICTED}: nobody has yet, but a projected wait (P50) exceeds the target: the
 *       alert comes before the breach, while opening a counter can still prevent it;</li>
 *   <li>{@link Level#WATCH}: every P50 projection is within the target, but a P90 projection is not;</li>
 *   <li>{@link Level#OK}: every P90 projection is within the target.</li>
 * </ul>
 * A suggestion names the counter to open: a counter that serves the service in the matrix but is
 * paused or closed now, the one where the service has the best preference (rank 1 first), then the one
 * with the fewest other services (it takes the least from other queues), then by code.
 */
public final class QueueAlertPolicy {

    /** How serious a queue's outlook is. */
    public enum Level { OK, WATCH, PREDICTED, BREACHED }

    /**
     * One waiting customer's outlook.
     *
     * @param waitedSeconds how long they have waited so far
     * @param remaining the estimate of the rest of their wait (the people ahead of them)
     */
    public record Waiter(long waitedSeconds, WaitEstimate remaining) {
        long projectedP50() {
            return waitedSeconds + remaining.p50Seconds();
        }

        long projectedP90() {
            return waitedSeconds + remaining.p90Seconds();
        }
    }

    /**
     * The assessment of one queue.
     *
     * @param level the level
     * @param longestWaitSeconds the longest wait so far among those waiting (0 for nobody)
     * @param projectedP50Seconds the longest projected wait (P50), a new arrival included
     * @param projectedP90Seconds the longest projected wait (P90), a new arrival included
     */
    public record Assessment(Level level, long longestWaitSeconds, long projectedP50Seconds, long projectedP90Seconds) {
        public boolean alerts() {
            return level == Level.PREDICTED || level == Level.BREACHED;
        }
    }

    /** A counter that could serve the service: its code, its state, the service's rank there and how many services it has. */
    public record Candidate(String counterCode, boolean open, int preference, int serviceCount) {
    }

    private QueueAlertPolicy() {
    }

    /**
     * Assesses a queue.
     *
     * @param targetSeconds the service's target wait
     * @param waiting the customers waiting, in any order
     * @param newArrival the estimate for a customer taking a ticket now
     */
    public static Assessment assess(long targetSeconds, List<Waiter> waiting, WaitEstimate newArrival) {
        if (targetSeconds <= 0) {
            throw new IllegalArgumentException("targetSeconds must be > 0");
        }
        long longest = waiting.stream().mapToLong(Waiter::waitedSeconds).max().orElse(0);
        long p50 = Math.max(newArrival.p50Seconds(), waiting.stream().mapToLong(Waiter::projectedP50).max().orElse(0));
        long p90 = Math.max(newArrival.p90Seconds(), waiting.stream().mapToLong(Waiter::projectedP90).max().orElse(0));
        Level level;
        if (longest > targetSeconds) {
            level = Level.BREACHED;
        } else if (p50 > targetSeconds) {
            level = Level.PREDICTED;
        } else if (p90 > targetSeconds) {
            level = Level.WATCH;
        } else {
            level = Level.OK;
        }
        return new Assessment(level, longest, p50, p90);
    }

    /** The counter to open for a queue: a paused or closed one that serves it, best preference first; empty when none is. */
    public static Optional<Candidate> counterToOpen(List<Candidate> candidates, Set<String> excluded) {
        return candidates.stream()
                .filter(c -> !c.open() && !excluded.contains(c.counterCode()))
                .min(Comparator.comparingInt(Candidate::preference)
                        .thenComparingInt(Candidate::serviceCount)
                        .thenComparing(Candidate::counterCode));
    }
}
