package org.fuwu.queueing.internal;

/**
 * One cell of the counter service matrix: a counter (organization's, by code) serves a service type,
 * with a preference (1 is served first).
 */
public record CounterService(String counterCode, String serviceCode, int preference) {
}
