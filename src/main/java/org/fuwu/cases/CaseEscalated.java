package org.fuwu.cases;

import java.time.Instant;

/**
 * A case was escalated: a share of one of its clocks elapsed (100: the clock was breached), and a rule notified,
 * reassigned or raised its priority at a level of the hierarchy. Published once per escalation, in the transaction
 * that records it.
 *
 * @param clock the clock's name, such as {@code sla-first-response} or {@code decision}
 * @param percent the share of the clock elapsed, 1 to 100
 * @param action NOTIFY, REASSIGN or RAISE_PRIORITY
 * @param level TEAM_LEAD, BRANCH_HEAD or HEAD_OFFICE
 * @param officerId the case's officer after the escalation (a reassignment changes it), or null
 */
public record CaseEscalated(long caseId, String number, String clock, int percent, String action, String level,
                            Long officerId, Instant dueAt, Instant escalatedAt) {
}
