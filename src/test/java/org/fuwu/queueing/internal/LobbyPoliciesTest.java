package org.fuwu.queueing.internal;

import org.fuwu.platform.ClientRateLimit;
import org.fuwu.platform.CustomerTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.junit.jupiter.api.Test;

class LobbyPoliciesTest {

    private static CustomerRef customer(Segment segment, Set<PreferentialClass> classes, boolean active) {
        return new CustomerRef(1, "C00000001", "测试", segment, classes, "B001", "zh-CN", active, List.of());
    }

    @Test
    void estimateIsServiceTimeTimesPeopleAheadOverCountersWithP90AFactorAbove() {
        assertThat(SimpleWaitEstimator.estimate(6, 300, 2)).isEqualTo(new WaitEstimate(900, 1350));
        assertThat(SimpleWaitEstimator.estimate(0, 300, 2)).isEqualTo(new WaitEstimate(0, 0));
    }

    @Test
    void estimateWithoutCountersCountsOneCounter() {
        assertThat(SimpleWaitEstimator.estimate(3, 240, 0)).isEqualTo(new WaitEstimate(720, 1080));
    }

    @Test
    void estimateRefusesANegativeQueue() {
        assertThatThrownBy(() -> SimpleWaitEstimator.estimate(-1, 240, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final ServiceType CASH = new ServiceType("B001", "A", "现金", "Cash", "Z01", "A", 900, 300, 0, true, 0);

    @Test
    void lobbyEstimateIsZeroWhenACounterIsFreeAndGrowsWithTheQueue() {
        assertThat(LobbyWaitEstimates.estimate(CASH, 0, 2)).isEqualTo(new WaitEstimate(0, 0));
        WaitEstimate one = LobbyWaitEstimates.estimate(CASH, 1, 2);
        WaitEstimate six = LobbyWaitEstimates.estimate(CASH, 6, 2);
        assertThat(one.p50Seconds()).isPositive();
        assertThat(one.p90Seconds()).isGreaterThan(one.p50Seconds());
        assertThat(six.p50Seconds()).isGreaterThan(one.p50Seconds());
        assertThat(LobbyWaitEstimates.estimate(CASH, 6, 4).p50Seconds()).isLessThan(six.p50Seconds());
        // about six services of 300 s over two counters, plus the first to free: near 1,000 s
        assertThat(six.p50Seconds()).isBetween(700L, 1400L);
    }

    @Test
    void lobbyEstimateWithoutACounterFallsBackToTheSimpleOne() {
        assertThat(LobbyWaitEstimates.estimate(CASH, 3, 0)).isEqualTo(SimpleWaitEstimator.estimate(3, 300, 1));
    }

    @Test
    void vipAndPrivateSegmentsAreVipAndPreferentialClassesWinOverVip() {
        assertThat(PriorityClass.of(null)).isEqualTo(PriorityClass.ORDINARY);
        assertThat(PriorityClass.of(customer(Segment.ORDINARY, Set.of(), true))).isEqualTo(PriorityClass.ORDINARY);
        assertThat(PriorityClass.of(customer(Segment.VIP, Set.of(), true))).isEqualTo(PriorityClass.VIP);
        assertThat(PriorityClass.of(customer(Segment.PRIVATE, Set.of(), true))).isEqualTo(PriorityClass.VIP);
        assertThat(PriorityClass.of(customer(Segment.ORDINARY, Set.of(PreferentialClass.ELDERLY), true)))
                .isEqualTo(PriorityClass.PREFERENTIAL);
        assertThat(PriorityClass.of(customer(Segment.VIP, Set.of(PreferentialClass.PREGNANT), true)))
                .isEqualTo(PriorityClass.PREFERENTIAL);
    }

    @Test
    void aClosedCustomerFileGivesNoPriority() {
        assertThat(PriorityClass.of(customer(Segment.VIP, Set.of(PreferentialClass.DISABLED), false)))
                .isEqualTo(PriorityClass.ORDINARY);
    }

    @Test
    void statusTokensAre256RandomBitsUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = CustomerTokens.next();
            assertThat(t).matches("[A-Za-z0-9_-]{43}");
            assertThat(CustomerTokens.wellFormed(t)).isTrue();
            seen.add(t);
        }
        assertThat(seen).hasSize(1000);
        assertThat(CustomerTokens.wellFormed("../../etc")).isFalse();
        assertThat(CustomerTokens.wellFormed(null)).isFalse();
    }

    @Test
    void rateLimitAllowsTheLimitPerWindowPerClientAndResetsAfterTheWindow() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T01:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ClientRateLimit limit = new ClientRateLimit(3, Duration.ofMinutes(1), clock);
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limit.tryAcquire("10.0.0.2")).isTrue();
        now.set(now.get().plusSeconds(60));
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    }
}
