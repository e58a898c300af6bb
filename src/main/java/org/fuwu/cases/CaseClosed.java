package org.fuwu.cases;

import java.time.Instant;

/**
 * A case was closed.
 *
 * @param withinDeadline whether the decision (or, for requests, the resolution) came within its clock
 */
public record CaseClosed(long caseId, String number, String type, Long customerId, Instant closedAt, boolean withinDeadline) {
}
