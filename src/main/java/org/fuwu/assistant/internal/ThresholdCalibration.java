package org.fuwu.assistant.internal;

import java.util.List;

/**
 * Chooses the handoff thresholds (a minimum top-1 confidence and a minimum top-2 margin) from held-out
 * predictions: among all pairs on a grid, the one that answers the most questions while the answered ones are
 * right at least {@code targetPrecision} of the time; ties go to the lower thresholds. When no pair reaches
 * the target, the strictest pair that answers anything is returned (its precision is reported, not hidden).
 */
public final class ThresholdCalibration {

    /** One held-out prediction: its confidence, its margin and whether the top intent was right. */
    public record Outcome(double confidence, double margin, boolean correct) {
    }

    /** Answer when confidence >= minConfidence and margin >= minMargin. */
    public record Thresholds(double minConfidence, double minMargin) {
        public boolean answers(double confidence, double margin) {
            return confidence >= minConfidence && margin >= minMargin;
        }

        public static Thresholds none() {
            return new Thresholds(0, 0);
        }
    }

    /** What thresholds give on a set of outcomes. */
    public record Effect(Thresholds thresholds, double coverage, double precision, int answered, int total) {
    }

    private ThresholdCalibration() {
    }

    public static Effect calibrate(List<Outcome> outcomes, double targetPrecision) {
        Effect best = null;
        Effect strictest = null;
        for (int ci = 0; ci <= 100; ci++) {
            for (int mi = 0; mi <= 50; mi++) {
                Effect e = effect(outcomes, new Thresholds(ci / 100.0, mi / 100.0));
                if (e.answered() == 0) {
                    continue;
                }
                if (e.precision() >= targetPrecision && (best == null || e.coverage() > best.coverage())) {
                    best = e;
                }
                if (strictest == null || e.precision() > strictest.precision()
                        || (e.precision() == strictest.precision() && e.coverage() > strictest.coverage())) {
                    strictest = e;
                }
            }
        }
        if (best != null) {
            return best;
        }
        return strictest != null ? strictest : new Effect(Thresholds.none(), 0, 0, 0, outcomes.size());
    }

    public static Effect effect(List<Outcome> outcomes, Thresholds t) {
        int answered = 0;
        int right = 0;
        for (Outcome o : outcomes) {
            if (t.answers(o.confidence(), o.margin())) {
                answered++;
                if (o.correct()) {
                    right++;
                }
            }
        }
        return new Effect(t, outcomes.isEmpty() ? 0 : answered / (double) outcomes.size(),
                answered == 0 ? 1 : right / (double) answered, answered, outcomes.size());
    }
}
