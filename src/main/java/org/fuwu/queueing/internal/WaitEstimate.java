package org.fuwu.queueing.internal;

/**
 * An estimated wait as a range: the median and the 90th percentile, in seconds.
 */
public record WaitEstimate(long p50Seconds, long p90Seconds) {
}
