package org.fuwu.queueing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.fuwu.routing.EstimateAccuracy;

/**
 * The lobby's statistics (issue 3, point 9), computed from the tickets: a named policy, plain Java, so
 * that the same figures come out on H2 and PostgreSQL (quantiles are computed here, not in SQL).
 *
 * <p>Definitions, per period and key (service, counter, teller or the whole branch):
 * <ul>
 *   <li>A ticket belongs to the period in which it was <em>issued</em>, in the branch's time zone (hour
 *       or day), and all its figures with it, so a day's figures never change once its tickets are
 *       closed.</li>
 *   <li>By counter and by teller, a ticket belongs to the counter that called it last and the teller who
 *       called or served it last; tickets never called (still waiting, cancelled in the queue) are under
 *       {@link #NONE}.</li>
 *   <li><b>arrivals</b>: tickets issued. <b>called</b>: tickets called from the queue at least once.</li>
 *   <li><b>wait</b>: from issue to the <em>first</em> call (a recall, a return from parking or a call
 *       after a transfer does not restart it); only tickets called from the queue have one. A walk-in
 *       served directly at a counter was never called from the queue and has no wait.
 *       Mean, median and P90 are in whole seconds; median and P90 are nearest-rank quantiles.</li>
 *   <li><b>served</b>: tickets completed; <b>service time</b>: start to completion of those (mean and
 *       median).</li>
 *   <li><b>within target</b>: the share of waits (called tickets) no longer than their service type's
 *       target wait.</li>
 *   <li><b>no-show rate</b>: no-shows over called tickets (only a called ticket can be a no-show).
 *       <b>cancellations</b>: tickets cancelled (by the customer or by staff).</li>
 *   <li><b>estimate accuracy</b>: for every called ticket, the P50 and P90 stored when it was issued
 *       against its actual wait, through routing's {@link EstimateAccuracy}: the mean absolute error from
 *       P50, and the <em>under-prediction rate</em>: the share of waits longer than the P90 promised
 *       (about 10 % for a well-calibrated estimate). The share of waits longer than the P50 (about 50 %
 *       when calibrated) is given as well. Waits are compared in whole seconds, the resolution of the
 *       stored prediction. Walk-ins served directly have no wait and are not compared.</li>
 * </ul>
 * Rates are fractions from 0 to 1, and {@code null} when there is nothing to divide by (no calls).
 */
public final class LobbyStatistics {

    /** The key of tickets without a counter or teller. */
    public static final String NONE = "-";

    /** Hourly or daily figures. */
    public enum Granularity { HOUR, DAY }

    /** What the figures are broken down by. */
    public enum Dimension { BRANCH, SERVICE, COUNTER, TELLER }

    /**
     * What the statistics need of one ticket.
     *
     * @param firstCalledAt the first call from the queue; null when never called from the queue
     * @param status the ticket's status now
     */
    public record TicketFacts(String branchCode, String serviceCode, String counterCode, String teller,
                              TicketStatus status, Instant issuedAt, Instant firstCalledAt, Instant startedAt,
                              Instant closedAt, long predictedP50Seconds, long predictedP90Seconds) {

        public TicketFacts {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(status, "status");
        }

        /** The wait from issue to first call; null when never called from the queue. */
        public Duration waited() {
            return firstCalledAt == null ? null : Duration.between(issuedAt, firstCalledAt);
        }

        /** The service time of a completed ticket; null otherwise. */
        public Duration serviceTime() {
            return status == TicketStatus.COMPLETED && startedAt != null && closedAt != null
                    ? Duration.between(startedAt, closedAt) : null;
        }
    }

    /**
     * The figures of one period and key.
     *
     * @param day the day of the period (branch time); null for the totals of a whole range
     * @param hour the hour of day for hourly figures; null for daily ones and totals
     */
    public record Row(LocalDate day, Integer hour, String key, long arrivals, long called, Long waitMeanSeconds,
                      Long waitMedianSeconds, Long waitP90Seconds, long served, Long serviceMeanSeconds,
                      Long serviceMedianSeconds, Double withinTargetRate, long noShows, Double noShowRate,
                      long cancellations, long accuracyCount, Long meanAbsoluteErrorSeconds, Double underPredictionRate,
                      Double overP50Rate) {
    }

    private LobbyStatistics() {
    }

    /**
     * The figures per period and key, ordered by period, then key.
     *
     * @param granularity the period; null for one row per key over all the tickets given (totals)
     * @param targetWaitSeconds the target wait per service type
     */
    public static List<Row> compute(List<TicketFacts> tickets, Granularity granularity, Dimension dimension,
                                    ZoneId zone, Map<String, Integer> targetWaitSeconds) {
        Map<GroupKey, Accumulator> groups = new TreeMap<>();
        for (TicketFacts t : tickets) {
            LocalDateTime local = LocalDateTime.ofInstant(t.issuedAt(), zone);
            LocalDate day = granularity == null ? null : local.toLocalDate();
            Integer hour = granularity == Granularity.HOUR ? local.getHour() : null;
            groups.computeIfAbsent(new GroupKey(day, hour, key(t, dimension)), k -> new Accumulator())
                    .add(t, targetWaitSeconds.get(t.serviceCode()));
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, a) -> rows.add(a.row(k.day(), k.hour(), k.key())));
        return rows;
    }

    static String key(TicketFacts t, Dimension dimension) {
        String key = switch (dimension) {
            case BRANCH -> t.branchCode();
            case SERVICE -> t.serviceCode();
            case COUNTER -> t.counterCode();
            case TELLER -> t.teller();
        };
        return key == null || key.isBlank() ? NONE : key;
    }

    /** The nearest-rank quantile (0 &lt; q &lt;= 1) of sorted values; the smallest value for tiny q. */
    public static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("need 0 < q <= 1");
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private record GroupKey(LocalDate day, Integer hour, String key) implements Comparable<GroupKey> {

        private static final Comparator<GroupKey> ORDER = Comparator
                .comparing(GroupKey::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(GroupKey::hour, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(GroupKey::key);

        @Override
        public int compareTo(GroupKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** Adds up the tickets of one group. */
    private static final class Accumulator {

        private long arrivals;
        private final List<Long> waitMillis = new ArrayList<>();
        private long withinTarget;
        private long waitsWithTarget;
        private final List<Long> serviceMillis = new ArrayList<>();
        private long noShows;
        private long cancellations;
        private EstimateAccuracy accuracy = EstimateAccuracy.EMPTY;
        private long overP50;

        void add(TicketFacts t, Integer targetSeconds) {
            arrivals++;
            Duration waited = t.waited();
            if (waited != null) {
                Duration wait = waited.isNegative() ? Duration.ZERO : waited;
                waitMillis.add(wait.toMillis());
                if (targetSeconds != null) {
                    waitsWithTarget++;
                    if (wait.compareTo(Duration.ofSeconds(targetSeconds)) <= 0) {
                        withinTarget++;
                    }
                }
                long p50 = Math.max(0, t.predictedP50Seconds());
                long p90 = Math.max(p50, t.predictedP90Seconds());
                Duration whole = Duration.ofSeconds(wait.getSeconds());
                accuracy = accuracy.add(new org.fuwu.routing.WaitEstimate(Duration.ofSeconds(p50), Duration.ofSeconds(p90)),
                        whole);
                if (whole.compareTo(Duration.ofSeconds(p50)) > 0) {
                    overP50++;
                }
            }
            Duration service = t.serviceTime();
            if (service != null && !service.isNegative()) {
                serviceMillis.add(service.toMillis());
            }
            if (t.status() == TicketStatus.NO_SHOW) {
                noShows++;
            }
            if (t.status() == TicketStatus.CANCELLED) {
                cancellations++;
            }
        }

        Row row(LocalDate day, Integer hour, String key) {
            long[] waits = sorted(waitMillis);
            long[] services = sorted(serviceMillis);
            long called = waits.length;
            return new Row(day, hour, key, arrivals, called, mean(waits), quantileSeconds(waits, 0.5),
                    quantileSeconds(waits, 0.9), services.length, mean(services), quantileSeconds(services, 0.5),
                    waitsWithTarget == 0 ? null : (double) withinTarget / waitsWithTarget, noShows,
                    called == 0 ? null : (double) noShows / called, cancellations, accuracy.count(),
                    accuracy.count() == 0 ? null : Math.round(accuracy.meanAbsoluteError().toMillis() / 1000.0),
                    accuracy.count() == 0 ? null : accuracy.underPredictionRate(),
                    accuracy.count() == 0 ? null : (double) overP50 / accuracy.count());
        }

        private static long[] sorted(List<Long> values) {
            long[] a = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return a;
        }

        private static Long mean(long[] millis) {
            if (millis.length == 0) {
                return null;
            }
            double sum = 0;
            for (long m : millis) {
                sum += m;
            }
            return Math.round(sum / millis.length / 1000.0);
        }

        private static Long quantileSeconds(long[] sortedMillis, double q) {
            return sortedMillis.length == 0 ? null : Math.round(quantile(sortedMillis, q) / 1000.0);
        }
    }

    /** The whole days of a period from {@code from} to {@code to} inclusive. */
    public static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
