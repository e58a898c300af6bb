package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EstimateMinutesTest {

    @Test
    void secondsRoundUpToWholeMinutes() {
        EstimateMinutes m = EstimateMinutes.of(new WaitEstimate(61, 300));
        assertThat(m.p50()).isEqualTo(2);
        assertThat(m.p90()).isEqualTo(5);
        assertThat(EstimateMinutes.minutes(0)).isZero();
        assertThat(EstimateMinutes.minutes(60)).isEqualTo(1);
    }

    @Test
    void theTextSaysNoWaitAboutOrARange() {
        EstimateMinutes none = EstimateMinutes.of(new WaitEstimate(0, 0));
        assertThat(none.messageKey()).isEqualTo("queueing.estimate.none");
        assertThat(none.messageArgs()).isEmpty();
        EstimateMinutes about = EstimateMinutes.of(new WaitEstimate(330, 345)); // both 6 min
        assertThat(about.messageKey()).isEqualTo("queueing.estimate.about");
        assertThat(about.messageArgs()).containsExactly(6L);
        EstimateMinutes range = EstimateMinutes.of(new WaitEstimate(300, 480));
        assertThat(range.messageKey()).isEqualTo("queueing.estimate.range");
        assertThat(range.messageArgs()).containsExactly(5L, 8L);
    }
}
