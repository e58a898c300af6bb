package org.fuwu.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The repeat-complaint rate (named policy, plain Java). A complaint is a <em>repeat</em> when the same customer
 * complained before, at most {@code window} (N days, 30 by default) before it was received. The same customer is
 * the linked customer file, or for a complaint without one the same contact mobile (its blind index, never the
 * number). Anonymous complaints with neither cannot repeat and count only in the denominator. The rate of a period
 * is the repeats received in the period over all complaints received in it; the earlier complaint may lie before
 * the period, so the caller passes complaints from {@code window} before the period's start.
 */
public final class RepeatComplaintPolicy {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    /** A complaint as the policy needs it: who (a key such as {@code c:42} or {@code m:<index>}, or null) and when. */
    public record Complaint(long id, String customerKey, Instant receivedAt) {
    }

    /** Complaints in the period, how many were repeats, and the rate (0 when there were none). */
    public record Rate(int complaints, int repeats, double rate) {
    }

    private final Duration window;

    public RepeatComplaintPolicy(Duration window) {
        if (window == null || window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("the repeat window is 1 to 366 days");
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** Whether {@code later} repeats {@code earlier}: same customer, received after it and within the window. */
    public boolean repeats(Complaint later, Complaint earlier) {
        return later.customerKey() != null && later.customerKey().equals(earlier.customerKey()) && later.id() != earlier.id()
                && earlier.receivedAt().isBefore(later.receivedAt())
                && !earlier.receivedAt().isBefore(later.receivedAt().minus(window));
    }

    /** The rate for complaints received from {@code from} (inclusive) to {@code to} (exclusive), looking back {@code window} for earlier ones in {@code all}. */
    public Rate rate(List<Complaint> all, Instant from, Instant to) {
        Map<String, List<Complaint>> byCustomer = new HashMap<>();
        for (Complaint c : all) {
            if (c.customerKey() != null) {
                byCustomer.computeIfAbsent(c.customerKey(), k -> new java.util.ArrayList<>()).add(c);
            }
        }
        byCustomer.values().forEach(l -> l.sort(Comparator.comparing(Complaint::receivedAt)));
        int n = 0;
        int repeats = 0;
        for (Complaint c : all) {
            if (c.receivedAt().isBefore(from) || !c.receivedAt().isBefore(to)) {
                continue;
            }
            n++;
            if (c.customerKey() != null && byCustomer.get(c.customerKey()).stream().anyMatch(e -> repeats(c, e))) {
                repeats++;
            }
        }
        return new Rate(n, repeats, n == 0 ? 0 : (double) repeats / n);
    }
}
