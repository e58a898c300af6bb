package org.fuwu.cases.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which SLA policy a case runs under (named policy, plain Java): among the active policies that match its type,
 * severity and customer segment, the most specific one, the one naming the most of the three keys; between
 * policies naming as many, the one naming the type wins over one naming the severity, which wins over one naming
 * the segment (so a VIP's high-severity complaint takes COMPLAINT/HIGH/VIP, else COMPLAINT/HIGH/ANY before
 * COMPLAINT/ANY/VIP, else COMPLAINT/ANY/ANY, else ANY/ANY/ANY). The keys are unique, so the choice is never a tie.
 */
public final class SlaPolicyMatcher {

    private SlaPolicyMatcher() {
    }

    public static Optional<SlaPolicy> match(List<SlaPolicy> policies, String type, String severity, String segment) {
        return policies.stream().filter(p -> p.matches(type, severity, segment))
                .max(Comparator.comparingInt(SlaPolicy::specificity).thenComparingInt(SlaPolicy::tieBreak));
    }
}
