package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    @Test
    void learnsSeparableClassesAndReportsProgress() {
        List<float[]> x = new ArrayList<>();
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            int c = i % 3;
            float[] v = new float[3];
            v[c] = 1;
            v[(c + 1) % 3] = (i % 7) / 20f;
            x.add(v);
            y[i] = c;
        }
        AtomicReference<Double> progress = new AtomicReference<>(0.0);
        SoftmaxRegression model = SoftmaxRegression.train(x, y, 3, new SoftmaxRegression.Settings(40, 8, 0.05, 1e-4, 1), progress::set);
        assertThat(progress.get()).isEqualTo(1.0);
        for (int i = 0; i < 60; i++) {
            double[] p = model.probabilities(x.get(i));
            assertThat(p[y[i]]).isGreaterThan(0.8);
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        List<float[]> x = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {0.9f, 0.1f}, new float[] {0.2f, 0.8f});
        int[] y = {0, 1, 0, 1};
        var s = new SoftmaxRegression.Settings(5, 2, 0.05, 1e-4, 3);
        assertThat(SoftmaxRegression.train(x, y, 2, s, null).probabilities(x.get(0)))
                .containsExactly(SoftmaxRegression.train(x, y, 2, s, null).probabilities(x.get(0)));
    }
}
