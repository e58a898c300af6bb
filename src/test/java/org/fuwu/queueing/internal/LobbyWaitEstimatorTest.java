package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.organization.BranchSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The lobby's estimator over stubbed data (plain Java): service times from the samples, counters open
 * and busy, appointments from the port, the fallbacks, and the sample cache.
 */
class LobbyWaitEstimatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BranchSummary BRANCH = new BranchSummary("B001", "测试", "Test", "R01", SHANGHAI, true);
    private static final ServiceType CASH = new ServiceType("B001", "A", "现金", "Cash", "Z01", "A", 900, 240, 0, true, 0);

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-24T02:00:00Z"); // 10:00 in Shanghai

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Counters and samples as the test sets them. */
    static final class StubStore extends EstimatorStore {
        List<ServiceTimeSamples.Sample> samples = new ArrayList<>();
        List<CounterNow> counters = new ArrayList<>();
        int sampleReads;

        StubStore() {
            super(null);
        }

        @Override
        List<ServiceTimeSamples.Sample> completedSince(String branchCode, Instant since) {
            sampleReads++;
            return List.copyOf(samples);
        }

        @Override
        List<CounterNow> counters(String branchCode) {
            return List.copyOf(counters);
        }
    }

    private final MovingClock clock = new MovingClock();
    private final StubStore store = new StubStore();
    private final List<Instant> booked = new ArrayList<>();
    private boolean bookFails;

    private LobbyWaitEstimator estimator(boolean withAppointments) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (withAppointments) {
            beans.registerSingleton("appointments", (UpcomingAppointments) (b, s, from, to) -> {
                if (bookFails) {
                    throw new IllegalStateException("appointment book down");
                }
                return booked.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).toList();
            });
        }
        ObjectProvider<UpcomingAppointments> provider = beans.getBeanProvider(UpcomingAppointments.class);
        return new LobbyWaitEstimator(store, provider, clock);
    }

    private void samples(String service, int count, int seconds, Instant at) {
        for (int i = 0; i < count; i++) {
            store.samples.add(new ServiceTimeSamples.Sample(service, at.minusSeconds(60L * i), Duration.ofSeconds(seconds)));
        }
    }

    @BeforeEach
    void oneOpenFreeCounterAndOneClosed() {
        store.counters.add(new EstimatorStore.CounterNow("C01", "A", true, false));
        store.counters.add(new EstimatorStore.CounterNow("C02", "A", false, false));
        store.counters.add(new EstimatorStore.CounterNow("C03", "B", true, true));
        // ten-minute services yesterday at this hour
        samples("A", 6, 600, clock.now.minus(Duration.ofDays(1)));
    }

    @Test
    void aFreeOpenCounterMeansNoWait() {
        assertThat(estimator(false).estimate(BRANCH, CASH, 0)).isEqualTo(new WaitEstimate(0, 0));
    }

    @Test
    void peopleAheadTakeTheRecentServiceTimesNotTheConfiguredOne() {
        LobbyWaitEstimator e = estimator(false);
        // the closed counter C02 does not serve: one counter, every service takes 600 s
        assertThat(e.estimate(BRANCH, CASH, 1)).isEqualTo(new WaitEstimate(600, 600));
        assertThat(e.estimate(BRANCH, CASH, 2)).isEqualTo(new WaitEstimate(1200, 1200));
    }

    @Test
    void anOpenedCounterHalvesTheQueue() {
        store.counters.set(1, new EstimatorStore.CounterNow("C02", "A", true, false));
        assertThat(estimator(false).estimate(BRANCH, CASH, 3)).isEqualTo(new WaitEstimate(600, 600));
    }

    @Test
    void aBusyCounterFreesAfterAResidualServiceTime() {
        store.counters.set(0, new EstimatorStore.CounterNow("C01", "A", true, true));
        WaitEstimate w = estimator(false).estimate(BRANCH, CASH, 0);
        assertThat(w.p50Seconds()).isBetween(1L, 600L);
        assertThat(w.p90Seconds()).isBetween(w.p50Seconds(), 600L);
    }

    @Test
    void otherHoursAreUsedWhenThisHourHasTooFewAndTheExpectedTimeWithoutAny() {
        store.samples.clear();
        samples("A", 6, 300, clock.now.minus(Duration.ofDays(1)).minus(Duration.ofHours(4)));
        assertThat(estimator(false).estimate(BRANCH, CASH, 1)).isEqualTo(new WaitEstimate(300, 300));
        store.samples.clear();
        WaitEstimate configured = estimator(false).estimate(BRANCH, CASH, 1);
        // exponential with the expected 240 s: median about 240 ln 2, P90 about 240 ln 10
        assertThat(configured.p50Seconds()).isBetween(140L, 200L);
        assertThat(configured.p90Seconds()).isBetween(480L, 640L);
    }

    @Test
    void appointmentsDueBeforeTheTurnAreAhead() {
        booked.add(clock.now.plusSeconds(300)); // before the turn at +600: one more ahead
        booked.add(clock.now.plusSeconds(1500)); // after the turn at +1200: not ahead
        assertThat(estimator(true).estimate(BRANCH, CASH, 1)).isEqualTo(new WaitEstimate(1200, 1200));
        assertThat(estimator(false).estimate(BRANCH, CASH, 1)).isEqualTo(new WaitEstimate(600, 600));
    }

    @Test
    void aFailingAppointmentBookDoesNotStopTheEstimate() {
        booked.add(clock.now.plusSeconds(300));
        bookFails = true;
        assertThat(estimator(true).estimate(BRANCH, CASH, 1)).isEqualTo(new WaitEstimate(600, 600));
    }

    @Test
    void withEveryCounterClosedTheEstimateIsAsIfTheyWereOpenAndBusy() {
        store.counters.set(0, new EstimatorStore.CounterNow("C01", "A", false, false));
        WaitEstimate w = estimator(false).estimate(BRANCH, CASH, 0);
        assertThat(w.p50Seconds()).isPositive();
    }

    @Test
    void aServiceNoCounterServesFallsBackToTheSimpleEstimate() {
        ServiceType fx = new ServiceType("B001", "F", "外汇", "FX", "Z01", "F", 900, 300, 0, true, 0);
        assertThat(estimator(false).estimate(BRANCH, fx, 2)).isEqualTo(SimpleWaitEstimator.estimate(2, 300, 1));
    }

    @Test
    void samplesAreReadAgainOnlyAfterTheCacheTime() {
        LobbyWaitEstimator e = estimator(false);
        e.estimate(BRANCH, CASH, 1);
        store.samples.clear();
        samples("A", 6, 100, clock.now.minus(Duration.ofDays(1)));
        clock.now = clock.now.plusSeconds(30);
        assertThat(e.estimate(BRANCH, CASH, 1)).isEqualTo(new WaitEstimate(600, 600));
        assertThat(store.sampleReads).isEqualTo(1);
        clock.now = clock.now.plus(LobbyWaitEstimator.CACHE_FOR);
        assertThat(e.estimate(BRANCH, CASH, 1)).isEqualTo(new WaitEstimate(100, 100));
        assertThat(store.sampleReads).isEqualTo(2);
    }
}
