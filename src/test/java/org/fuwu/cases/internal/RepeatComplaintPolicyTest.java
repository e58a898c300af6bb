package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fuwu.cases.internal.RepeatComplaintPolicy.Complaint;
import org.junit.jupiter.api.Test;

class RepeatComplaintPolicyTest {

    static final Instant D0 = Instant.parse("2026-11-01T00:00:00Z");

    static Instant day(int n) {
        return D0.plus(Duration.ofDays(n));
    }

    final RepeatComplaintPolicy policy = new RepeatComplaintPolicy(Duration.ofDays(30));

    @Test
    void theSameCustomerComplainingAgainWithinTheWindowIsARepeatAndOnlyTheLaterOne() {
        var first = new Complaint(1, "c:7", day(0));
        var again = new Complaint(2, "c:7", day(30));
        var late = new Complaint(3, "c:7", day(61));
        var other = new Complaint(4, "c:8", day(10));
        assertThat(policy.repeats(again, first)).isTrue();
        assertThat(policy.repeats(first, again)).isFalse();
        assertThat(policy.repeats(late, first)).as("outside 30 days").isFalse();
        assertThat(policy.repeats(other, first)).isFalse();
        var rate = policy.rate(List.of(first, again, late, other), day(0), day(62));
        assertThat(rate.complaints()).isEqualTo(4);
        assertThat(rate.repeats()).isEqualTo(1);
        assertThat(rate.rate()).isEqualTo(0.25);
    }

    @Test
    void anEarlierComplaintBeforeThePeriodStillMakesARepeatInsideIt() {
        var before = new Complaint(1, "m:abc", day(-5));
        var inside = new Complaint(2, "m:abc", day(3));
        var rate = policy.rate(List.of(before, inside), day(0), day(30));
        assertThat(rate.complaints()).isEqualTo(1);
        assertThat(rate.repeats()).isEqualTo(1);
    }

    @Test
    void anonymousComplaintsNeverRepeatAndNoComplaintsGiveZero() {
        var a = new Complaint(1, null, day(1));
        var b = new Complaint(2, null, day(2));
        assertThat(policy.rate(List.of(a, b), day(0), day(30)).repeats()).isZero();
        assertThat(policy.rate(List.of(), day(0), day(30)).rate()).isZero();
        assertThatThrownBy(() -> new RepeatComplaintPolicy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
