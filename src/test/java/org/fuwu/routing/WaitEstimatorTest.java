package org.fuwu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Wait estimates and their accuracy. */
class WaitEstimatorTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static WaitEstimator constant(Duration serviceTime) {
        return new WaitEstimator(Map.of("A", Collections.nCopies(20, serviceTime)), Map.of(), serviceTime);
    }

    static List<String> ahead(int n) {
        return Collections.nCopies(n, "A");
    }

    @Test
    void aFreeCounterServesAtOnce() {
        assertThat(constant(FIVE_MINUTES).estimate(List.of(), 2, 1)).contains(WaitEstimate.ZERO);
        assertThat(constant(FIVE_MINUTES).estimate(ahead(1), 2, 0)).contains(WaitEstimate.ZERO);
    }

    @Test
    void noOpenCounterGivesNoEstimate() {
        assertThat(constant(FIVE_MINUTES).estimate(ahead(3), 0, 0)).isEmpty();
    }

    @Test
    void constantServiceTimesAreSharedAcrossFreeCounters() {
        // 4 ahead, 2 free counters: two start at 0 and finish at 5 min, two more finish at 10 min
        WaitEstimate estimate = constant(FIVE_MINUTES).estimate(ahead(4), 2, 0).orElseThrow();
        assertThat(estimate.p50()).isEqualTo(Duration.ofMinutes(10));
        assertThat(estimate.p90()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aBusyCounterFreesUpPartWayThroughItsService() {
        WaitEstimate estimate = constant(FIVE_MINUTES).estimate(List.of(), 1, 1).orElseThrow();
        assertThat(estimate.p50().toSeconds()).isBetween(135L, 165L);
        assertThat(estimate.p90().toSeconds()).isBetween(255L, 285L);
    }

    @Test
    void exponentialServiceGivesTheGammaQuantiles() {
        // one busy counter, 4 ahead, exponential service (mean 300 s): the wait is Gamma(5, 300 s),
        // median 1401 s and 90th percentile 2397 s
        Random random = new Random(7);
        List<Duration> samples = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            samples.add(Duration.ofMillis(Math.round(-300_000 * Math.log(1 - random.nextDouble()))));
        }
        WaitEstimator estimator = new WaitEstimator(Map.of("A", samples), Map.of(), FIVE_MINUTES, 4000, 1);
        WaitEstimate estimate = estimator.estimate(ahead(4), 1, 1).orElseThrow();
        assertThat((double) estimate.p50().toSeconds()).isCloseTo(1401, within(90.0));
        assertThat((double) estimate.p90().toSeconds()).isCloseTo(2397, within(150.0));
    }

    @Test
    void aServiceWithoutSamplesUsesItsExpectedTime() {
        WaitEstimator estimator = new WaitEstimator(Map.of(), Map.of("FX", Duration.ofMinutes(10)), FIVE_MINUTES);
        WaitEstimate fx = estimator.estimate(Collections.nCopies(10, "FX"), 1, 0).orElseThrow();
        WaitEstimate other = estimator.estimate(Collections.nCopies(10, "OTHER"), 1, 0).orElseThrow();
        assertThat(fx.p50().toMinutes()).isBetween(85L, 110L);
        assertThat(other.p50().toMinutes()).isBetween(42L, 55L);
    }

    @Test
    void estimateAtAPositionCountsTheItemsAhead() {
        Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
        List<WaitingItem> queue = List.of(WaitingItem.of("A1", "A", PriorityClass.ORDINARY, 0, t0, 1),
                WaitingItem.of("A2", "A", PriorityClass.ORDINARY, 0, t0, 2),
                WaitingItem.of("A3", "A", PriorityClass.ORDINARY, 0, t0, 3));
        assertThat(constant(FIVE_MINUTES).estimateAt(queue, 3, 1, 0).orElseThrow().p50())
                .isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> constant(FIVE_MINUTES).estimateAt(queue, 4, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 100)
    void p50NeverExceedsP90AndMoreAheadWaitsLonger(@ForAll @IntRange(min = 0, max = 40) int ahead,
                                                   @ForAll @IntRange(min = 1, max = 5) int open,
                                                   @ForAll @IntRange(min = 0, max = 5) int busy) {
        Random random = new Random(ahead * 31L + open);
        List<Duration> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            samples.add(Duration.ofSeconds(60 + random.nextInt(900)));
        }
        WaitEstimator estimator = new WaitEstimator(Map.of("A", samples), Map.of(), FIVE_MINUTES, 500, 3);
        int busyServers = Math.min(busy, open);
        WaitEstimate estimate = estimator.estimate(ahead(ahead), open, busyServers).orElseThrow();
        WaitEstimate further = estimator.estimate(ahead(ahead + 3 * open), open, busyServers).orElseThrow();
        assertThat(estimate.p50()).isLessThanOrEqualTo(estimate.p90());
        assertThat(further.p50()).isGreaterThan(estimate.p50());
        assertThat(estimator.estimate(ahead(ahead), open, busyServers)).contains(estimate);
    }

    @Test
    void accuracyGivesMeanAbsoluteErrorAndUnderPredictionRate() {
        WaitEstimate predicted = new WaitEstimate(Duration.ofMinutes(10), Duration.ofMinutes(15));
        EstimateAccuracy accuracy = EstimateAccuracy.EMPTY
                .add(predicted, Duration.ofMinutes(8))
                .add(predicted, Duration.ofMinutes(14))
                .add(predicted, Duration.ofMinutes(20))
                .add(Duration.ofMinutes(5), Duration.ofMinutes(6));
        assertThat(accuracy.count()).isEqualTo(4);
        assertThat(accuracy.meanAbsoluteError()).isEqualTo(Duration.ofSeconds(255)); // (2 + 4 + 10 + 1) min / 4
        assertThat(accuracy.underPredictionRate()).isEqualTo(0.5);
        EstimateAccuracy day = accuracy.merge(EstimateAccuracy.EMPTY.add(predicted, Duration.ofMinutes(10)));
        assertThat(day.count()).isEqualTo(5);
        assertThat(day.underPredictionRate()).isEqualTo(0.4);
        assertThat(EstimateAccuracy.EMPTY.meanAbsoluteError()).isZero();
        assertThat(EstimateAccuracy.EMPTY.underPredictionRate()).isZero();
    }

    @Test
    void aCalibratedEstimatorUnderPredictsAboutOneInTen() {
        Random random = new Random(11);
        List<Duration> samples = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            samples.add(Duration.ofSeconds(120 + random.nextInt(480)));
        }
        WaitEstimator estimator = new WaitEstimator(Map.of("A", samples), Map.of(), FIVE_MINUTES);
        WaitEstimate estimate = estimator.estimate(ahead(6), 2, 0).orElseThrow();
        EstimateAccuracy accuracy = EstimateAccuracy.EMPTY;
        for (int trial = 0; trial < 4000; trial++) {
            double[] free = new double[2];
            for (int i = 0; i < 6; i++) {
                int next = free[0] <= free[1] ? 0 : 1;
                free[next] += 120 + random.nextInt(480);
            }
            accuracy = accuracy.add(estimate, Duration.ofSeconds((long) Math.min(free[0], free[1])));
        }
        assertThat(accuracy.underPredictionRate()).isCloseTo(0.10, within(0.03));
    }
}
