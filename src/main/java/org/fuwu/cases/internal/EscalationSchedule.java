package org.fuwu.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a case's escalations fall due (named policy, plain Java): for every matching rule, the moment its share of
 * its clock has elapsed (on the business calendar, paused time not counting). A rule has no timer when its clock
 * does not run on the case (no next-update clock before the first update, no legal clock on a request), when the
 * clock was stopped (the step it waits for happened: a met or late clock escalates no further), or when the case is
 * closed. While the clock stands still (an open pause) before the share is reached, the timer has no due time yet:
 * it waits, and the resume gives it its new time.
 */
public final class EscalationSchedule {

    private EscalationSchedule() {
    }

    /** One timer: the rule, the cycle of the clock it watches, and when it falls due (null: the clock stands still). */
    public record Due(long ruleId, String cycle, Instant dueAt) {
    }

    public static List<Due> plan(List<SlaClocks.Watched> clocks, List<EscalationRule> rules, boolean closed, Instant now) {
        List<Due> out = new ArrayList<>();
        if (closed) {
            return out;
        }
        for (EscalationRule rule : rules) {
            for (SlaClocks.Watched w : clocks) {
                if (w.key().equals(rule.clock()) && w.stoppedAt() == null) {
                    out.add(new Due(rule.id(), w.cycle(), w.clock().reaches(rule.percent(), now)));
                }
            }
        }
        return out;
    }
}
