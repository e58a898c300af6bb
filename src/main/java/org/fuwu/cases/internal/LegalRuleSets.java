package org.fuwu.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legal deadlines of complaint handling, as data (REFERENCE.md): a rule set per jurisdiction, each a
 * list of named clocks. A case under a rule set runs the clocks its situation calls for (a complex case in
 * China: {@code complex-decision} instead of {@code decision}).
 */
public final class LegalRuleSets {

    private LegalRuleSets() {
    }

    /**
     * China: 银行业保险业消费投诉处理管理办法 (CBIRC Order 2020 No. 3): decide and inform within 15 days of
     * receipt; complex cases 30; especially complex a further 30 after internal approval, with the complainant
     * told; a review may be asked within 30 days of the decision and is decided within 30 days. Third-party
     * appraisal does not count (a pause).
     */
    public static final List<ClockRule> CN = List.of(
            new ClockRule("decision", 15, ClockRule.Unit.CALENDAR_DAYS),
            new ClockRule("complex-decision", 30, ClockRule.Unit.CALENDAR_DAYS),
            new ClockRule("especially-complex-extension", 30, ClockRule.Unit.CALENDAR_DAYS),
            new ClockRule("review-request", 30, ClockRule.Unit.CALENDAR_DAYS),
            new ClockRule("review-decision", 30, ClockRule.Unit.CALENDAR_DAYS));

    /** United States (CFPB): respond within 15 calendar days; a case "in progress" has its final response within 60. */
    public static final List<ClockRule> US_CFPB = List.of(
            new ClockRule("response", 15, ClockRule.Unit.CALENDAR_DAYS),
            new ClockRule("final-response", 60, ClockRule.Unit.CALENDAR_DAYS));

    /**
     * United Kingdom (FCA DISP): final response within 8 weeks; payment services within 15 business days, or 35
     * with a holding reply; a complaint resolved by the close of the third business day gets a summary resolution.
     */
    public static final List<ClockRule> UK_FCA = List.of(
            new ClockRule("final-response", 8, ClockRule.Unit.WEEKS),
            new ClockRule("payment-services", 15, ClockRule.Unit.BUSINESS_DAYS),
            new ClockRule("payment-services-exceptional", 35, ClockRule.Unit.BUSINESS_DAYS),
            new ClockRule("summary-resolution", 3, ClockRule.Unit.BUSINESS_DAYS));

    public static final Map<String, List<ClockRule>> ALL = Map.of("CN", CN, "US_CFPB", US_CFPB, "UK_FCA", UK_FCA);

    public static Optional<ClockRule> rule(String ruleSet, String name) {
        return ALL.getOrDefault(ruleSet, List.of()).stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
