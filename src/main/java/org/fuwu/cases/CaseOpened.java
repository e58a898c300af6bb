package org.fuwu.cases;

import java.time.Instant;

/** A case was opened. */
public record CaseOpened(long caseId, String number, String type, Long customerId, String channel, Instant receivedAt) {
}
