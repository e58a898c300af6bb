package org.fuwu.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which closed cases are called back (回访), and by when (named policy, plain Java): every complaint (and
 * every complaint forwarded by the regulator) within 3 days of closure; other cases by a sample of one in
 * {@code sampleOneIn}, chosen by the case id (so the same case is always in or out), within 7 days.
 */
public record CallbackPolicy(Duration complaintWithin, Duration otherWithin, int sampleOneIn) {

    public static final CallbackPolicy DEFAULT = new CallbackPolicy(Duration.ofDays(3), Duration.ofDays(7), 10);

    public Optional<Instant> dueFor(long caseId, String type, Instant closedAt) {
        if (type.equals("COMPLAINT") || type.equals("REGULATOR_COMPLAINT")) {
            return Optional.of(closedAt.plus(complaintWithin));
        }
        if (sampleOneIn > 0 && Math.floorMod(Long.hashCode(caseId * 0x9E3779B97F4A7C15L), sampleOneIn) == 0) {
            return Optional.of(closedAt.plus(otherWithin));
        }
        return Optional.empty();
    }
}
