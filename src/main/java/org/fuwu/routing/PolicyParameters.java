package org.fuwu.routing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of a branch's selection policy.
 *
 * @param kind               the policy
 * @param fairness           the hard fairness bound, applied under every policy
 * @param roundRobinWeights  weights of the lanes {@code PREFERENTIAL}, {@code VIP}, {@code ORDINARY} for
 *                           {@link PolicyKind#WEIGHTED_ROUND_ROBIN} (each at least 1; APPOINTMENT rides in ORDINARY)
 * @param ageingBoost        head start per class for {@link PolicyKind#AGEING}: score = boost + time waited;
 *                           a VIP's boost is multiplied by its level
 */
public record PolicyParameters(PolicyKind kind, FairnessBound fairness, Map<PriorityClass, Integer> roundRobinWeights,
                               Map<PriorityClass, Duration> ageingBoost) {

    /** Default lane weights: preferential 3, VIP 2, ordinary 1. */
    public static final Map<PriorityClass, Integer> DEFAULT_WEIGHTS = Map.of(
            PriorityClass.PREFERENTIAL, 3, PriorityClass.VIP, 2, PriorityClass.ORDINARY, 1);

    /** Default head starts: preferential 15 min, VIP 5 min per level, ordinary and appointment 0. */
    public static final Map<PriorityClass, Duration> DEFAULT_BOOST = Map.of(
            PriorityClass.PREFERENTIAL, Duration.ofMinutes(15), PriorityClass.VIP, Duration.ofMinutes(5),
            PriorityClass.ORDINARY, Duration.ZERO, PriorityClass.APPOINTMENT, Duration.ZERO);

    public PolicyParameters {
        Objects.requireNonNull(kind, "kind");
        fairness = fairness == null ? FairnessBound.DEFAULT : fairness;
        Map<PriorityClass, Integer> weights = new EnumMap<>(PriorityClass.class);
        weights.putAll(DEFAULT_WEIGHTS);
        if (roundRobinWeights != null) {
            weights.putAll(roundRobinWeights);
        }
        weights.remove(PriorityClass.APPOINTMENT);
        weights.forEach((lane, weight) -> {
            if (weight == null || weight < 1) {
                throw new IllegalArgumentException("round robin weight must be >= 1 for " + lane);
            }
        });
        roundRobinWeights = Map.copyOf(weights);
        Map<PriorityClass, Duration> boost = new EnumMap<>(PriorityClass.class);
        boost.putAll(DEFAULT_BOOST);
        if (ageingBoost != null) {
            boost.putAll(ageingBoost);
        }
        boost.forEach((c, d) -> {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("ageing boost must not be negative for " + c);
            }
        });
        ageingBoost = Map.copyOf(boost);
    }

    /** The given policy with default weights, boosts and {@link FairnessBound#DEFAULT}. */
    public static PolicyParameters of(PolicyKind kind) {
        return new PolicyParameters(kind, null, null, null);
    }

    /** The given policy and fairness bound with default weights and boosts. */
    public static PolicyParameters of(PolicyKind kind, FairnessBound fairness) {
        return new PolicyParameters(kind, fairness, null, null);
    }
}
