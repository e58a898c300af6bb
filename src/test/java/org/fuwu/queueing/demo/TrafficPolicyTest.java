package org.fuwu.queueing.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fuwu.queueing.demo.TrafficPolicy.Kind;
import org.fuwu.queueing.demo.TrafficPolicy.Response;
import org.junit.jupiter.api.Test;

class TrafficPolicyTest {

    private final TrafficPolicy policy = TrafficPolicy.defaults();

    @Test
    void theBranchRateIsSharedByTheServiceWeights() {
        List<String> demo = List.of("A", "B", "C", "D", "V");
        double sum = demo.stream().mapToDouble(s -> policy.ratePerHour(s, demo)).sum();
        assertThat(sum).isCloseTo(45, within(1e-9));
        assertThat(policy.ratePerHour("A", demo)).isCloseTo(45 * 4 / 10.0, within(1e-9));
        assertThat(policy.ratePerHour("X", demo)).isZero();
        // a service the weights do not name weighs 1
        assertThat(policy.ratePerHour("X", List.of("X", "A"))).isCloseTo(45 / 5.0, within(1e-9));
    }

    @Test
    void arrivalGapsAreExponentialWithTheRate() {
        Random random = new Random(42);
        int n = 20_000;
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            gaps[i] = policy.nextArrival(30, random).toNanos() / 1e9;
        }
        double mean = Arrays.stream(gaps).average().orElseThrow();
        assertThat(mean).isCloseTo(120, within(3.0)); // 30 an hour: one every 2 minutes
        // exponential: the median is ln 2 times the mean, and the standard deviation equals the mean
        Arrays.sort(gaps);
        assertThat(gaps[n / 2]).isCloseTo(120 * Math.log(2), within(4.0));
        double var = Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (n - 1);
        assertThat(Math.sqrt(var)).isCloseTo(120, within(5.0));
        // arrivals in one hour are Poisson(30): count them over many hours
        Random r = new Random(7);
        int hours = 2_000;
        long arrivals = 0;
        for (int h = 0; h < hours; h++) {
            Duration t = Duration.ZERO;
            while ((t = t.plus(policy.nextArrival(30, r))).compareTo(Duration.ofHours(1)) <= 0) {
                arrivals++;
            }
        }
        assertThat(arrivals / (double) hours).isCloseTo(30, within(0.5));
    }

    @Test
    void noRateMeansNoArrival() {
        assertThat(policy.nextArrival(0, new Random(1))).isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void serviceTimesAreLognormalAroundTheExpectedTime() {
        Random random = new Random(3);
        int n = 20_000;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = policy.serviceTime(Duration.ofMinutes(6), random).toMillis() / 1000.0;
        }
        double mean = Arrays.stream(s).average().orElseThrow();
        assertThat(mean).isCloseTo(360, within(8.0));
        Arrays.sort(s);
        // median exp(mu) = mean * exp(-sigma^2/2) = 360 * 0.8825
        assertThat(s[n / 2]).isCloseTo(360 * Math.exp(-0.125), within(8.0));
        assertThat(s[0]).isGreaterThanOrEqualTo(20);
        // a long right tail: the 99th percentile is well above twice the median
        assertThat(s[n * 99 / 100]).isGreaterThan(2 * s[n / 2]);
    }

    @Test
    void thePaceScalesEveryDurationOfTheCounter() {
        TrafficPolicy fast = new TrafficPolicy(45, 0.12, 0.08, 0.05, 0.10, 0.03, 0.01);
        assertThat((double) fast.serviceTime(Duration.ofMinutes(4), new Random(5)).toMillis())
                .isCloseTo(policy.serviceTime(Duration.ofMinutes(4), new Random(5)).toMillis() * 0.01, within(1.0));
        assertThat(fast.recallAfter()).isEqualTo(Duration.ofMillis(300));
        assertThat(fast.idleRetry()).isEqualTo(Duration.ofMillis(100));
        Random r = new Random(9);
        for (int i = 0; i < 1000; i++) {
            assertThat(fast.walkUp(r)).isBetween(Duration.ofMillis(50), Duration.ofMillis(400));
            assertThat(fast.pause(r)).isBetween(Duration.ofMillis(50), Duration.ofMillis(300));
        }
    }

    @Test
    void theMixOfClassesAndResponsesFollowsTheShares() {
        Random random = new Random(11);
        int n = 50_000;
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        Map<Response, Integer> responses = new EnumMap<>(Response.class);
        int transfers = 0;
        for (int i = 0; i < n; i++) {
            kinds.merge(policy.kind("A", random), 1, Integer::sum);
            responses.merge(policy.response(random), 1, Integer::sum);
            if (policy.transfers(random)) {
                transfers++;
            }
        }
        assertThat(kinds.get(Kind.VIP) / (double) n).isCloseTo(0.12, within(0.01));
        assertThat(kinds.get(Kind.PREFERENTIAL) / (double) n).isCloseTo(0.08, within(0.01));
        assertThat(responses.get(Response.NEVER_COMES) / (double) n).isCloseTo(0.05, within(0.01));
        assertThat(responses.get(Response.COMES_AFTER_RECALL) / (double) n).isCloseTo(0.10, within(0.01));
        assertThat(transfers / (double) n).isCloseTo(0.03, within(0.005));
        // every customer of the VIP service is a VIP
        for (int i = 0; i < 100; i++) {
            assertThat(policy.kind("V", random)).isEqualTo(Kind.VIP);
        }
    }

    @Test
    void theSameSeedGivesTheSameDay() {
        Random a = new Random(2026);
        Random b = new Random(2026);
        for (int i = 0; i < 100; i++) {
            assertThat(policy.nextArrival(45, a)).isEqualTo(policy.nextArrival(45, b));
            assertThat(policy.serviceTime(Duration.ofMinutes(4), a)).isEqualTo(policy.serviceTime(Duration.ofMinutes(4), b));
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new TrafficPolicy(0, 0.1, 0.1, 0.1, 0.1, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficPolicy(45, 0.7, 0.5, 0.1, 0.1, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficPolicy(45, 0.1, 0.1, 1.1, 0, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficPolicy(45, 0.1, 0.1, 0.1, 0.1, 0.1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
