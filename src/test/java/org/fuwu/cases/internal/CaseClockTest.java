package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendar.DayKind;
import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.junit.jupiter.api.Test;

class CaseClockTest {

    static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    static final BusinessCalendar PLAIN = BusinessCalendar.of("T", WEEKEND, List.of());

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    static CaseClock clock(ClockRule rule, String received, BusinessCalendar cal, CaseClock.Pause... pauses) {
        return new CaseClock(rule, at(received), CN, cal, LocalTime.of(9, 0), LocalTime.of(17, 0), List.of(pauses));
    }

    @Test
    void fifteenDaysOfTheChineseRuleEndAtTheCloseOfTheFifteenthDayAfterReceipt() {
        CaseClock c = clock(LegalRuleSets.rule("CN", "decision").orElseThrow(), "2026-03-01T16:00:00", PLAIN);
        var r = c.at(at("2026-03-02T10:00:00"));
        assertThat(r.dueAt()).isEqualTo(at("2026-03-17T00:00:00"));
        assertThat(r.state()).isEqualTo(CaseClock.State.RUNNING);
        assertThat(r.left()).isEqualTo(Duration.ofDays(15).minusHours(10));
        assertThat(c.at(at("2026-03-01T23:00:00")).left()).as("the day of receipt does not count").isEqualTo(Duration.ofDays(15));
        assertThat(c.at(at("2026-03-18T09:00:00")).state()).isEqualTo(CaseClock.State.BREACHED);
    }

    @Test
    void pausedTimeNeverCountsAndAnOpenPauseHasNoDueTime() {
        ClockRule rule = LegalRuleSets.rule("CN", "decision").orElseThrow();
        // third-party appraisal for two days: the due time moves two days
        CaseClock closed = clock(rule, "2026-03-01T16:00:00", PLAIN,
                new CaseClock.Pause(at("2026-03-05T00:00:00"), at("2026-03-07T00:00:00")));
        assertThat(closed.at(at("2026-03-10T00:00:00")).dueAt()).isEqualTo(at("2026-03-19T00:00:00"));
        CaseClock open = clock(rule, "2026-03-01T16:00:00", PLAIN, new CaseClock.Pause(at("2026-03-05T12:00:00"), null));
        var r = open.at(at("2026-03-09T00:00:00"));
        assertThat(r.state()).isEqualTo(CaseClock.State.PAUSED);
        assertThat(r.dueAt()).isNull();
        assertThat(r.left()).isEqualTo(Duration.ofDays(15).minus(Duration.ofHours(3 * 24 + 12)));
    }

    @Test
    void businessDaysSkipWeekendsAndHolidaysAndCountAdjustedWorkingDays() {
        ClockRule rule = LegalRuleSets.rule("UK_FCA", "summary-resolution").orElseThrow(); // 3 business days
        // received on Friday 2026-02-13: Mon 16, Tue 17 are holidays, Sat 14 an adjusted working day (调休)
        BusinessCalendar festival = BusinessCalendar.of("T", WEEKEND, List.of(
                new SpecialDay(LocalDate.of(2026, 2, 14), DayKind.WORKDAY, "调休", "adjusted"),
                new SpecialDay(LocalDate.of(2026, 2, 16), DayKind.HOLIDAY, "春节", "Spring Festival"),
                new SpecialDay(LocalDate.of(2026, 2, 17), DayKind.HOLIDAY, "春节", "Spring Festival")));
        // counting: Sat 14 (1), Wed 18 (2), Thu 19 (3): due at the end of Thursday
        assertThat(clock(rule, "2026-02-13T10:00:00", festival).at(at("2026-02-13T11:00:00")).dueAt())
                .isEqualTo(at("2026-02-20T00:00:00"));
        // the same without the festival: Mon, Tue, Wed
        assertThat(clock(rule, "2026-02-13T10:00:00", PLAIN).at(at("2026-02-13T11:00:00")).dueAt())
                .isEqualTo(at("2026-02-19T00:00:00"));
    }

    @Test
    void aCalendarChangeRecomputesTheDueTime() {
        ClockRule rule = new ClockRule("resolution", 2, ClockRule.Unit.BUSINESS_DAYS);
        CaseClock before = clock(rule, "2026-05-04T09:30:00", PLAIN); // Monday: Tue, Wed
        assertThat(before.at(at("2026-05-04T10:00:00")).dueAt()).isEqualTo(at("2026-05-07T00:00:00"));
        BusinessCalendar withHoliday = BusinessCalendar.of("T", WEEKEND, List.of(
                new SpecialDay(LocalDate.of(2026, 5, 5), DayKind.HOLIDAY, "劳动节", "Labour Day")));
        CaseClock after = clock(rule, "2026-05-04T09:30:00", withHoliday); // Wed, Thu
        assertThat(after.at(at("2026-05-04T10:00:00")).dueAt()).isEqualTo(at("2026-05-08T00:00:00"));
    }

    @Test
    void businessHoursCountOnlyWorkingHoursOfWorkingDays() {
        ClockRule handled24h = new ClockRule("first-response", 24, ClockRule.Unit.BUSINESS_HOURS);
        // Friday 16:00: 1 h Friday, 8 h Monday, 8 h Tuesday, 7 h Wednesday
        assertThat(clock(handled24h, "2026-06-05T16:00:00", PLAIN).at(at("2026-06-05T16:30:00")).dueAt())
                .isEqualTo(at("2026-06-10T16:00:00"));
        ClockRule calendar24h = new ClockRule("handled", 24, ClockRule.Unit.CALENDAR_HOURS);
        assertThat(clock(calendar24h, "2026-06-05T16:00:00", PLAIN).at(at("2026-06-05T16:30:00")).dueAt())
                .isEqualTo(at("2026-06-06T16:00:00"));
    }

    @Test
    void eightWeeksOfTheFcaAreFiftySixDaysAfterReceipt() {
        assertThat(clock(LegalRuleSets.rule("UK_FCA", "final-response").orElseThrow(), "2026-01-10T12:00:00", PLAIN)
                .at(at("2026-01-11T00:00:00")).dueAt()).isEqualTo(at("2026-03-08T00:00:00"));
        assertThat(LegalRuleSets.ALL).containsKeys("CN", "US_CFPB", "UK_FCA");
        assertThat(LegalRuleSets.rule("US_CFPB", "final-response").orElseThrow().amount()).isEqualTo(60);
    }
}
