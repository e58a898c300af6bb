package org.fuwu.cases.internal;

/**
 * A case reached a step the customer is told of (inside the module): ACKNOWLEDGED or DECIDED. Published in the
 * step's transaction; {@link CaseNotices} queues the notice when {@code fuwu.cases.notices.auto-channel} is set.
 */
record CaseStepped(long caseId, String step) {
}
