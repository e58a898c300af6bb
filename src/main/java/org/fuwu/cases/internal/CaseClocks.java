package org.fuwu.cases.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Which clocks a case runs (named policy, plain Java), and what stops each:
 * <ul>
 *   <li>every case: {@code first-response}, 24 hours, stopped by the acknowledgement (the seeds' "handled within
 *       24 hours");</li>
 *   <li>a complaint (or one forwarded by the regulator): the legal decision clock of its rule set, by complexity
 *       (CN: 15 days simple, 30 complex, 60 especially complex after an approved extension), stopped by the
 *       decision;</li>
 *   <li>an inquiry or service request: {@code resolution}, 5 business days, stopped by the closure;</li>
 *   <li>praise or a suggestion: {@code reply}, 3 business days, stopped by the closure.</li>
 * </ul>
 */
public final class CaseClocks {

    private CaseClocks() {
    }

    /** A clock a case runs, and the step that stops it: ACKNOWLEDGED, DECIDED or CLOSED. */
    public record Running(ClockRule rule, String stoppedBy) {
    }

    public static List<Running> of(String type, String ruleSet, String complexity) {
        List<Running> out = new ArrayList<>();
        out.add(new Running(new ClockRule("first-response", 24, ClockRule.Unit.CALENDAR_HOURS), "ACKNOWLEDGED"));
        switch (type) {
            case "COMPLAINT", "REGULATOR_COMPLAINT" -> out.add(new Running(legal(ruleSet, complexity), "DECIDED"));
            case "INQUIRY", "SERVICE_REQUEST" ->
                    out.add(new Running(new ClockRule("resolution", 5, ClockRule.Unit.BUSINESS_DAYS), "CLOSED"));
            default -> out.add(new Running(new ClockRule("reply", 3, ClockRule.Unit.BUSINESS_DAYS), "CLOSED"));
        }
        return out;
    }

    static ClockRule legal(String ruleSet, String complexity) {
        return switch (ruleSet) {
            case "US_CFPB" -> LegalRuleSets.rule("US_CFPB", "SIMPLE".equals(complexity) ? "response" : "final-response").orElseThrow();
            case "UK_FCA" -> LegalRuleSets.rule("UK_FCA", "final-response").orElseThrow();
            default -> switch (complexity) {
                case "COMPLEX" -> LegalRuleSets.rule("CN", "complex-decision").orElseThrow();
                case "ESPECIALLY_COMPLEX" -> new ClockRule("especially-complex-decision", 60, ClockRule.Unit.CALENDAR_DAYS);
                default -> LegalRuleSets.rule("CN", "decision").orElseThrow();
            };
        };
    }
}
