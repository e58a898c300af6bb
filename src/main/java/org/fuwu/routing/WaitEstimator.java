package org.fuwu.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Estimates the wait of a position in a queue as P50 and P90, by bootstrap simulation over recent service
 * times. An immutable value: build one per branch and hour from the recent samples.
 *
 * <p>Method. The customer waits until a server becomes free for it after everyone ahead has started.
 * Each replication (1,000 by default) draws: for every busy server, its remaining service time from the
 * equilibrium residual distribution of the pooled samples (a sample chosen with probability proportional to
 * its length, times a uniform fraction: the remaining time seen by a random observer); for every customer
 * ahead, a service time resampled from the recent samples of its service type. Customers ahead take the
 * earliest free server in order; the wait is the time at which the next server frees after them.
 * P50 and P90 are the empirical quantiles over the replications. This keeps the skew and the spread of real
 * service times (no normality assumption), handles several servers and mixed service types, and gives a
 * range that narrows as the customer moves up. A service type without samples is drawn from an exponential
 * distribution with the configured expected service time. The random stream is seeded, so the same inputs
 * always give the same estimate. The caller places appointments in {@code ahead} at their booked order.
 */
public final class WaitEstimator {

    /** Replications per estimate by default. */
    public static final int DEFAULT_REPLICATIONS = 1000;

    private final Map<String, double[]> samples;
    private final Map<String, Double> expectedSeconds;
    private final double defaultSeconds;
    private final double[] pooled;
    private final double[] pooledCumulative;
    private final int replications;
    private final long seed;

    /**
     * @param serviceTimes       recent service times per service type (may be empty per type)
     * @param expectedServiceTime expected service time per service type, used when a type has no samples
     * @param defaultServiceTime used for a type with neither samples nor an expected time
     * @param replications       replications per estimate, at least 100
     * @param seed               the seed of the random stream
     */
    public WaitEstimator(Map<String, List<Duration>> serviceTimes, Map<String, Duration> expectedServiceTime,
                         Duration defaultServiceTime, int replications, long seed) {
        Objects.requireNonNull(defaultServiceTime, "defaultServiceTime");
        if (replications < 100) {
            throw new IllegalArgumentException("need at least 100 replications");
        }
        if (defaultServiceTime.isNegative() || defaultServiceTime.isZero()) {
            throw new IllegalArgumentException("default service time must be positive");
        }
        this.samples = new HashMap<>();
        List<Double> all = new ArrayList<>();
        serviceTimes.forEach((type, durations) -> {
            double[] values = durations.stream().filter(d -> d != null && !d.isNegative())
                    .mapToDouble(d -> d.toMillis() / 1000.0).toArray();
            if (values.length > 0) {
                samples.put(type, values);
                for (double v : values) {
                    all.add(v);
                }
            }
        });
        this.expectedSeconds = new HashMap<>();
        expectedServiceTime.forEach((type, d) -> {
            if (d != null && !d.isNegative() && !d.isZero()) {
                expectedSeconds.put(type, d.toMillis() / 1000.0);
            }
        });
        this.defaultSeconds = defaultServiceTime.toMillis() / 1000.0;
        this.pooled = all.stream().mapToDouble(Double::doubleValue).toArray();
        this.pooledCumulative = new double[pooled.length];
        double sum = 0;
        for (int i = 0; i < pooled.length; i++) {
            sum += pooled[i];
            pooledCumulative[i] = sum;
        }
        this.replications = replications;
        this.seed = seed;
    }

    /** With {@link #DEFAULT_REPLICATIONS} and a fixed seed. */
    public WaitEstimator(Map<String, List<Duration>> serviceTimes, Map<String, Duration> expectedServiceTime,
                         Duration defaultServiceTime) {
        this(serviceTimes, expectedServiceTime, defaultServiceTime, DEFAULT_REPLICATIONS, 20261123L);
    }

    /**
     * The wait of a customer with {@code ahead} before it.
     *
     * @param ahead       the service types of the customers ahead of it, in the order they will be called
     * @param openServers the servers open for its queue
     * @param busyServers how many of them are serving now (at most {@code openServers}); the others are free
     * @return the estimate, or empty when no server is open
     */
    public Optional<WaitEstimate> estimate(List<String> ahead, int openServers, int busyServers) {
        if (openServers < 0 || busyServers < 0 || busyServers > openServers) {
            throw new IllegalArgumentException("need 0 <= busyServers <= openServers");
        }
        if (openServers == 0) {
            return Optional.empty();
        }
        if (ahead.size() < openServers - busyServers) {
            return Optional.of(WaitEstimate.ZERO);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] waits = new double[replications];
        double[] free = new double[openServers];
        for (int r = 0; r < replications; r++) {
            for (int s = 0; s < openServers; s++) {
                free[s] = s < busyServers ? residual(random) : 0.0;
            }
            for (String type : ahead) {
                int next = earliest(free);
                free[next] += serviceTime(type, random);
            }
            waits[r] = free[earliest(free)];
        }
        Arrays.sort(waits);
        return Optional.of(new WaitEstimate(toDuration(quantile(waits, 0.5)), toDuration(quantile(waits, 0.9))));
    }

    /**
     * The wait of the item at {@code position} (1 = next to be called) of a queue in calling order.
     */
    public Optional<WaitEstimate> estimateAt(List<WaitingItem> queueInOrder, int position, int openServers,
                                             int busyServers) {
        if (position < 1 || position > queueInOrder.size()) {
            throw new IllegalArgumentException("position must be 1.." + queueInOrder.size());
        }
        return estimate(queueInOrder.subList(0, position - 1).stream().map(WaitingItem::queue).toList(),
                openServers, busyServers);
    }

    private static int earliest(double[] free) {
        int best = 0;
        for (int i = 1; i < free.length; i++) {
            if (free[i] < free[best]) {
                best = i;
            }
        }
        return best;
    }

    private double serviceTime(String type, SplittableRandom random) {
        double[] values = samples.get(type);
        if (values != null) {
            return values[random.nextInt(values.length)];
        }
        double mean = expectedSeconds.getOrDefault(type, defaultSeconds);
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    private double residual(SplittableRandom random) {
        if (pooled.length == 0) {
            double mean = expectedSeconds.values().stream().mapToDouble(Double::doubleValue).average()
                    .orElse(defaultSeconds);
            return -mean * Math.log(1.0 - random.nextDouble());
        }
        double total = pooledCumulative[pooled.length - 1];
        if (total <= 0) {
            return 0;
        }
        double pick = random.nextDouble() * total;
        int index = Arrays.binarySearch(pooledCumulative, pick);
        index = index >= 0 ? index : -index - 1;
        return pooled[Math.min(index, pooled.length - 1)] * random.nextDouble();
    }

    /** Nearest-rank quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Duration toDuration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
