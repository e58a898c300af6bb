package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fuwu.assistant.internal.ThresholdCalibration.Outcome;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

    @Test
    void findsTheLowestThresholdThatReachesThePrecision() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            outcomes.add(new Outcome(0.8, 0.6, true)); // confident and right
        }
        for (int i = 0; i < 10; i++) {
            outcomes.add(new Outcome(0.4, 0.1, false)); // unsure and wrong
        }
        ThresholdCalibration.Effect e = ThresholdCalibration.calibrate(outcomes, 0.97);
        assertThat(e.precision()).isEqualTo(1.0);
        assertThat(e.coverage()).isEqualTo(0.9);
        assertThat(e.thresholds().answers(0.8, 0.6)).isTrue();
        assertThat(e.thresholds().answers(0.4, 0.1)).isFalse();
    }

    @Test
    void answersEverythingWhenEverythingIsRight() {
        List<Outcome> outcomes = List.of(new Outcome(0.2, 0.0, true), new Outcome(0.9, 0.8, true));
        ThresholdCalibration.Effect e = ThresholdCalibration.calibrate(outcomes, 0.97);
        assertThat(e.coverage()).isEqualTo(1.0);
        assertThat(e.thresholds()).isEqualTo(new ThresholdCalibration.Thresholds(0, 0));
    }

    @Test
    void theMarginCanBeWhatSeparates() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            outcomes.add(new Outcome(0.7, 0.5, true));
            outcomes.add(new Outcome(0.7, 0.05, i % 2 == 0));
        }
        ThresholdCalibration.Effect e = ThresholdCalibration.calibrate(outcomes, 0.97);
        assertThat(e.coverage()).isEqualTo(0.5);
        assertThat(e.thresholds().minMargin()).isGreaterThan(0.05);
    }

    @Test
    void saysSoWhenTheTargetCannotBeReached() {
        List<Outcome> outcomes = List.of(new Outcome(0.9, 0.5, false), new Outcome(0.5, 0.5, true), new Outcome(0.5, 0.5, false));
        ThresholdCalibration.Effect e = ThresholdCalibration.calibrate(outcomes, 0.97);
        assertThat(e.precision()).isLessThan(0.97);
        assertThat(e.answered()).isPositive();
    }
}
