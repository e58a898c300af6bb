package org.fuwu.cases.internal;

import java.util.Set;

/**
 * An escalation rule (data, {@code case_escalation_rule}): when {@code percent} % of a clock of a matching case has
 * elapsed (100: at breach), {@code action} at {@code level} of the hierarchy. Every matching active rule applies.
 *
 * @param clock FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION (the SLA clocks) or LEGAL (the legal decision clock)
 * @param action NOTIFY (the officer and the level's holders are told), REASSIGN (the case moves to the level's first
 *               holder, and they are told) or RAISE_PRIORITY (the case's priority goes up one, and they are told)
 * @param level TEAM_LEAD, BRANCH_HEAD or HEAD_OFFICE
 */
public record EscalationRule(long id, String clock, String caseType, String severity, String segment, int percent,
                             String action, String level, boolean active) {

    public static final Set<String> CLOCKS = Set.of("FIRST_RESPONSE", "NEXT_UPDATE", "RESOLUTION", "LEGAL");
    public static final Set<String> ACTIONS = Set.of("NOTIFY", "REASSIGN", "RAISE_PRIORITY");
    public static final Set<String> LEVELS = Set.of("TEAM_LEAD", "BRANCH_HEAD", "HEAD_OFFICE");

    public boolean matches(String type, String sev, String seg) {
        return active && (SlaPolicy.ANY.equals(caseType) || caseType.equals(type))
                && (SlaPolicy.ANY.equals(severity) || severity.equals(sev))
                && (SlaPolicy.ANY.equals(segment) || segment.equals(seg));
    }
}
