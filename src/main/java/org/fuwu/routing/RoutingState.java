package org.fuwu.routing;

import java.util.EnumMap;
import java.util.Map;

/**
 * The memory of a policy between calls, as an explicit value: the caller keeps it (one per branch, or
 * per counter, as it chooses), passes it into {@link SelectionPolicy#select} and stores
 * {@link Decision#nextState()}. Only weighted round robin uses it: the credits of the lanes
 * (smooth weighted round robin). Policies without memory return the state unchanged.
 *
 * @param credits credit per lane; a lane missing counts 0
 */
public record RoutingState(Map<PriorityClass, Long> credits) {

    /** The state before the first call. */
    public static final RoutingState INITIAL = new RoutingState(Map.of());

    public RoutingState {
        credits = credits == null ? Map.of() : Map.copyOf(credits);
    }

    /** The credit of a lane. */
    public long creditOf(PriorityClass lane) {
        return credits.getOrDefault(lane, 0L);
    }

    RoutingState with(Map<PriorityClass, Long> newCredits) {
        Map<PriorityClass, Long> copy = new EnumMap<>(PriorityClass.class);
        newCredits.forEach((lane, credit) -> {
            if (credit != 0L) {
                copy.put(lane, credit);
            }
        });
        return new RoutingState(copy);
    }
}
