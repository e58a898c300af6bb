package org.fuwu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The hard fairness bound that holds under every policy.
 *
 * <p>Definitions. The first-come order is {@link WaitingItem#FIRST_COME_ORDER} (booked time for an
 * appointment, arrival otherwise). When a server calls item c, c <em>overtakes</em> every item that this
 * server could also take and that is earlier than c in the first-come order. A protected item's
 * <em>first-come turn</em> is taken the first time it is overtaken: until then it has been treated exactly as
 * under first come, first served; from then on it is being delayed by others.
 *
 * <p>The bound: a {@linkplain WaitingItem#fairnessProtected() protected} item (ordinary or appointment)
 * that has already been overtaken {@code maxOvertakes} times, or whose first overtake was
 * {@code maxDelay} or longer ago, is <em>closed</em>: no server that can take it calls any item later
 * than it in the first-come order. So it is overtaken at most K times, and never later than M after
 * its first-come turn was taken; from then on it is served in first-come order. Whichever limit comes
 * first applies. K = 0 means protected items are never overtaken.
 *
 * @param maxOvertakes K, at least 0
 * @param maxDelay     M, not negative
 */
public record FairnessBound(int maxOvertakes, Duration maxDelay) {

    /** K = 3 overtakes, M = 10 minutes. */
    public static final FairnessBound DEFAULT = new FairnessBound(3, Duration.ofMinutes(10));

    public FairnessBound {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxOvertakes < 0 || maxDelay.isNegative()) {
            throw new IllegalArgumentException("fairness bound must not be negative");
        }
    }

    /** Whether {@code item} may not be overtaken any more at {@code now}. */
    public boolean closes(WaitingItem item, Instant now) {
        if (!item.fairnessProtected()) {
            return false;
        }
        if (item.overtakes() >= maxOvertakes) {
            return true;
        }
        return item.firstOvertakenAt() != null && !now.isBefore(item.firstOvertakenAt().plus(maxDelay));
    }
}
