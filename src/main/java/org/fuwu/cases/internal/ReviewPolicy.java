package org.fuwu.cases.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.fuwu.platform.BusinessCalendar;

/**
 * The review of a decision (named policy, plain Java), from the rule set's data (D24): under CN (CBIRC 2020 No. 3)
 * the customer may ask for a review within 30 days of the decision ({@code review-request}), and the review is
 * decided within 30 days of the request ({@code review-decision}); both count like the other legal clocks (the day
 * of the event does not count). One review per case: its decision is final. A rule set without these rules (US
 * CFPB, UK FCA) has no review here; the customer goes to the ombudsman or the regulator instead.
 */
public record ReviewPolicy(ClockRule requestWindow, ClockRule decisionWindow) {

    public static Optional<ReviewPolicy> of(String ruleSet) {
        return LegalRuleSets.rule(ruleSet, "review-request").flatMap(r -> LegalRuleSets.rule(ruleSet, "review-decision")
                .map(d -> new ReviewPolicy(r, d)));
    }

    /** Whether the customer may still ask for a review at a moment, of a decision made then (and not reviewed yet). */
    public boolean mayRequest(Instant decidedAt, Instant reviewRequestedAt, Instant now, ZoneId zone, BusinessCalendar calendar) {
        return decidedAt != null && reviewRequestedAt == null && !now.isBefore(decidedAt)
                && now.isBefore(requestDeadline(decidedAt, zone, calendar));
    }

    /** Until when a review may be asked of a decision. */
    public Instant requestDeadline(Instant decidedAt, ZoneId zone, BusinessCalendar calendar) {
        return CaseClock.of(requestWindow, decidedAt, zone, calendar, List.of()).at(decidedAt).dueAt();
    }

    /** The clock of a review asked then: stopped by its decision, else running (or breached) now. */
    public CaseClock.Reading decisionClock(Instant requestedAt, Instant decidedAt, Instant now, ZoneId zone,
                                           BusinessCalendar calendar) {
        return CaseClock.of(decisionWindow, requestedAt, zone, calendar, List.of()).at(decidedAt != null ? decidedAt : now);
    }
}
