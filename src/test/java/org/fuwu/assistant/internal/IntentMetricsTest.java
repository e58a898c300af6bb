package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentMetricsTest {

    private final List<String> truth = List.of("a", "a", "b", "b", "c", "c");
    private final List<String> predicted = List.of("a", "b", "b", "a", "c", "c");

    @Test
    void accuracyAndMacroF1() {
        assertThat(IntentMetrics.accuracy(truth, predicted)).isCloseTo(4 / 6.0, within(1e-9));
        // a: p 1/2 r 1/2 f 0.5; b: p 1/2 r 1/2 f 0.5; c: f 1
        assertThat(IntentMetrics.macroF1(truth, predicted)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(IntentMetrics.macroF1(truth, truth)).isEqualTo(1.0);
    }

    @Test
    void confusedPairsCountBothDirections() {
        assertThat(IntentMetrics.mostConfused(truth, predicted, 5))
                .containsExactly(new IntentMetrics.Confusion("a", "b", 2));
    }
}
