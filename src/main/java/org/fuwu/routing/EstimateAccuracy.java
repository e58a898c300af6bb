package org.fuwu.routing;

import java.time.Duration;

/**
 * The accuracy of wait estimates, accumulated from (predicted, actual) pairs: an immutable value, each
 * {@code add} gives a new one, and two can be merged (e.g. hours into a day).
 *
 * <p>For a {@link WaitEstimate}, the absolute error is measured from its P50, and a wait counts as
 * under-predicted when the customer waited longer than its P90, i.e. longer than the range promised
 * (a well-calibrated estimator under-predicts about 10 % of the time). For a single predicted value both
 * are measured from that value.
 *
 * @param count                 the number of pairs
 * @param absoluteErrorSeconds  the sum of absolute errors, in seconds
 * @param underPredicted        how many actual waits exceeded the prediction
 */
public record EstimateAccuracy(long count, double absoluteErrorSeconds, long underPredicted) {

    /** No pairs yet. */
    public static final EstimateAccuracy EMPTY = new EstimateAccuracy(0, 0, 0);

    public EstimateAccuracy {
        if (count < 0 || absoluteErrorSeconds < 0 || underPredicted < 0 || underPredicted > count) {
            throw new IllegalArgumentException("inconsistent accuracy counts");
        }
    }

    /** With one more pair: error from P50, under-predicted when actual is above P90. */
    public EstimateAccuracy add(WaitEstimate predicted, Duration actual) {
        double error = Math.abs(seconds(actual) - seconds(predicted.p50()));
        return new EstimateAccuracy(count + 1, absoluteErrorSeconds + error,
                underPredicted + (actual.compareTo(predicted.p90()) > 0 ? 1 : 0));
    }

    /** With one more pair of a single predicted value. */
    public EstimateAccuracy add(Duration predicted, Duration actual) {
        return add(new WaitEstimate(predicted, predicted), actual);
    }

    /** Both together. */
    public EstimateAccuracy merge(EstimateAccuracy other) {
        return new EstimateAccuracy(count + other.count, absoluteErrorSeconds + other.absoluteErrorSeconds,
                underPredicted + other.underPredicted);
    }

    /** The mean absolute error; zero without pairs. */
    public Duration meanAbsoluteError() {
        return count == 0 ? Duration.ZERO : Duration.ofMillis(Math.round(absoluteErrorSeconds * 1000 / count));
    }

    /** The share of under-predicted waits, 0..1; zero without pairs. */
    public double underPredictionRate() {
        return count == 0 ? 0 : (double) underPredicted / count;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
