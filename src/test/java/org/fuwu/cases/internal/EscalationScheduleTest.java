package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendar.DayKind;
import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.junit.jupiter.api.Test;

/**
 * The escalation schedule, hand-computed. The case is a complaint received on Friday 6 March 2026 at 16:00 (Beijing),
 * under a policy of first response 24 hours, next update 1 business day, resolution 8 business hours (09:00-17:00).
 */
class EscalationScheduleTest {

    static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    static final BusinessCalendar PLAIN = BusinessCalendar.of("T", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());
    static final SlaPolicy POLICY = new SlaPolicy(1, "ANY", "ANY", "ANY",
            new ClockRule("fr", 24, ClockRule.Unit.CALENDAR_HOURS), new ClockRule("nu", 1, ClockRule.Unit.BUSINESS_DAYS),
            new ClockRule("res", 8, ClockRule.Unit.BUSINESS_HOURS), true);

    static final List<EscalationRule> RULES = List.of(
            rule(1, "FIRST_RESPONSE", 50), rule(2, "FIRST_RESPONSE", 100), rule(3, "RESOLUTION", 50),
            rule(4, "RESOLUTION", 80), rule(5, "LEGAL", 80), rule(6, "NEXT_UPDATE", 100));

    static EscalationRule rule(long id, String clock, int percent) {
        return new EscalationRule(id, clock, "ANY", "ANY", "ANY", percent, "NOTIFY", "TEAM_LEAD", true);
    }

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    static SlaClocks.Facts facts(String status, Instant ack, Instant decided, Instant closed, List<Instant> updates,
                                 List<CaseClock.Pause> pauses) {
        return new SlaClocks.Facts("COMPLAINT", status, at("2026-03-06T16:00:00"), ack, decided, closed, "CN", "SIMPLE", updates,
                pauses);
    }

    static Map<Long, Instant> plan(SlaClocks.Facts f, BusinessCalendar sla, boolean closed, Instant now) {
        List<EscalationSchedule.Due> dues = EscalationSchedule.plan(SlaClocks.of(f, POLICY, CN, sla, PLAIN), RULES, closed, now);
        return dues.stream().collect(Collectors.toMap(EscalationSchedule.Due::ruleId,
                d -> d.dueAt() == null ? Instant.EPOCH : d.dueAt()));
    }

    @Test
    void eachRuleFallsDueAtItsShareOfItsClock() {
        Map<Long, Instant> due = plan(facts("OPEN", null, null, null, List.of(), List.of()), PLAIN, false, at("2026-03-06T16:30:00"));
        assertThat(due).containsOnlyKeys(1L, 2L, 3L, 4L, 5L); // no next-update clock before the first update
        assertThat(due.get(1L)).isEqualTo(at("2026-03-07T04:00:00")); // 12 of 24 hours
        assertThat(due.get(2L)).isEqualTo(at("2026-03-07T16:00:00")); // breach: 24 hours
        // 8 business hours: Friday 16-17 (1 h), then Monday 9 March from 09:00
        assertThat(due.get(3L)).isEqualTo(at("2026-03-09T12:00:00")); // 4 h: 1 h Friday + 3 h Monday
        assertThat(due.get(4L)).isEqualTo(at("2026-03-09T14:24:00")); // 6 h 24 min: 1 h Friday + 5 h 24 min Monday
        // the legal 15 days count from Saturday 7 March 00:00: 80 % is 12 days
        assertThat(due.get(5L)).isEqualTo(at("2026-03-19T00:00:00"));
    }

    @Test
    void aPauseDefersWhatItHoldsUpAndTheResumeGivesTheNewTime() {
        Instant pausedAt = at("2026-03-09T10:00:00");
        Map<Long, Instant> paused = plan(facts("OPEN", null, null, null, List.of(),
                List.of(new CaseClock.Pause(pausedAt, null))), PLAIN, false, at("2026-03-09T11:00:00"));
        assertThat(paused.get(1L)).as("reached before the pause").isEqualTo(at("2026-03-07T04:00:00"));
        assertThat(paused.get(3L)).as("standing still: no due time").isEqualTo(Instant.EPOCH);
        assertThat(paused.get(4L)).isEqualTo(Instant.EPOCH);
        assertThat(paused.get(5L)).isEqualTo(Instant.EPOCH);

        Map<Long, Instant> resumed = plan(facts("OPEN", null, null, null, List.of(),
                List.of(new CaseClock.Pause(pausedAt, at("2026-03-09T14:00:00")))), PLAIN, false, at("2026-03-09T14:00:00"));
        // 2 h used (Friday 16-17, Monday 9-10); 50 % needs 2 h more from 14:00
        assertThat(resumed.get(3L)).isEqualTo(at("2026-03-09T16:00:00"));
        // 80 %: 6 h 24 min; 14:00-17:00 gives 3 h (5 h), the last 1 h 24 min on Tuesday from 09:00
        assertThat(resumed.get(4L)).isEqualTo(at("2026-03-10T10:24:00"));
        // the legal days lose the 4 paused hours
        assertThat(resumed.get(5L)).isEqualTo(at("2026-03-19T04:00:00"));
    }

    @Test
    void theAcknowledgementStopsTheFirstResponseAndEachUpdateToTheCustomerRestartsTheNextUpdateClock() {
        Instant ack = at("2026-03-06T17:30:00");
        List<EscalationSchedule.Due> first = EscalationSchedule.plan(SlaClocks.of(
                facts("ACKNOWLEDGED", ack, null, null, List.of(ack), List.of()), POLICY, CN, PLAIN, PLAIN), RULES, false, ack);
        assertThat(first).extracting(EscalationSchedule.Due::ruleId).containsExactlyInAnyOrder(3L, 4L, 5L, 6L);
        EscalationSchedule.Due nu1 = first.stream().filter(d -> d.ruleId() == 6L).findFirst().orElseThrow();
        // 1 business day after Friday: Monday 9 March, due at its end
        assertThat(nu1.dueAt()).isEqualTo(at("2026-03-10T00:00:00"));

        Instant told = at("2026-03-10T15:00:00");
        List<EscalationSchedule.Due> second = EscalationSchedule.plan(SlaClocks.of(
                facts("ACKNOWLEDGED", ack, null, null, List.of(ack, told), List.of()), POLICY, CN, PLAIN, PLAIN), RULES, false, told);
        EscalationSchedule.Due nu2 = second.stream().filter(d -> d.ruleId() == 6L).findFirst().orElseThrow();
        assertThat(nu2.dueAt()).isEqualTo(at("2026-03-12T00:00:00")); // Wednesday 11 March counts
        assertThat(nu2.cycle()).as("a new cycle, so a new timer").isNotEqualTo(nu1.cycle());
    }

    @Test
    void theSlaClocksFollowTheRegionsCalendar() {
        BusinessCalendar mondayOff = BusinessCalendar.of("R", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of(new SpecialDay(LocalDate.of(2026, 3, 9), DayKind.HOLIDAY, "假日", "Holiday")));
        Map<Long, Instant> due = plan(facts("OPEN", null, null, null, List.of(), List.of()), mondayOff, false,
                at("2026-03-06T16:30:00"));
        assertThat(due.get(3L)).isEqualTo(at("2026-03-10T12:00:00")); // Tuesday instead of Monday
        assertThat(due.get(5L)).as("the legal clock keeps the default calendar").isEqualTo(at("2026-03-19T00:00:00"));
    }

    @Test
    void aDecisionStopsTheLegalAndNextUpdateClocksAndAClosedCaseHasNoTimers() {
        Instant ack = at("2026-03-06T17:30:00");
        Instant decided = at("2026-03-09T11:00:00");
        Map<Long, Instant> due = plan(facts("DECIDED", ack, decided, null, List.of(ack), List.of()), PLAIN, false, decided);
        assertThat(due).containsOnlyKeys(3L, 4L); // the resolution clock runs until the closure
        assertThat(plan(facts("CLOSED", ack, decided, at("2026-03-09T12:00:00"), List.of(ack), List.of()), PLAIN, true,
                decided)).isEmpty();
    }
}
