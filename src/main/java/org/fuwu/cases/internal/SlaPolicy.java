package org.fuwu.cases.internal;

import java.util.Set;

/**
 * An SLA policy (stored as data in {@code case_sla_policy}): the first-response, next-update and resolution targets
 * of the cases it matches by type, severity and customer segment, each {@link #ANY} or one value.
 *
 * @param id the row's id
 * @param caseType INQUIRY, SERVICE_REQUEST, COMPLAINT, FEEDBACK, REGULATOR_COMPLAINT or ANY
 * @param severity LOW, NORMAL, HIGH, CRITICAL or ANY
 * @param segment ORDINARY, VIP, PRIVATE or ANY
 * @param firstResponse until the acknowledgement
 * @param nextUpdate from each update to the customer to the next one
 * @param resolution until the closure
 * @param active whether it takes part in the matching
 */
public record SlaPolicy(long id, String caseType, String severity, String segment, ClockRule firstResponse,
                        ClockRule nextUpdate, ClockRule resolution, boolean active) {

    public static final String ANY = "ANY";
    public static final Set<String> SEGMENTS = Set.of("ORDINARY", "VIP", "PRIVATE");

    /** The clock names of the SLA clocks as a case shows them. */
    public static final String FIRST_RESPONSE = "sla-first-response";
    public static final String NEXT_UPDATE = "sla-next-update";
    public static final String RESOLUTION = "sla-resolution";

    /** Whether it applies to a case of that type, severity and segment (a null segment is matched by ANY only). */
    public boolean matches(String type, String sev, String seg) {
        return active && (ANY.equals(caseType) || caseType.equals(type)) && (ANY.equals(severity) || severity.equals(sev))
                && (ANY.equals(segment) || segment.equals(seg));
    }

    /** How many of the three keys it names (0 to 3). */
    int specificity() {
        return (ANY.equals(caseType) ? 0 : 1) + (ANY.equals(severity) ? 0 : 1) + (ANY.equals(segment) ? 0 : 1);
    }

    /** Ranks policies naming the same number of keys: the type counts most, then the severity, then the segment. */
    int tieBreak() {
        return (ANY.equals(caseType) ? 0 : 4) + (ANY.equals(severity) ? 0 : 2) + (ANY.equals(segment) ? 0 : 1);
    }
}
