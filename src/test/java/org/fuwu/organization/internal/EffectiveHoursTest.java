package org.fuwu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.organization.OpeningHours;
import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendar.DayKind;
import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.junit.jupiter.api.Test;

/** A branch's opening hours on a date: its week with its business calendar applied. */
class EffectiveHoursTest {

    private static final BusinessCalendar CN = BusinessCalendar.of("CN", List.of(
            new SpecialDay(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节", "National Day"),
            new SpecialDay(LocalDate.of(2026, 10, 3), DayKind.HOLIDAY, "国庆节", "National Day"),
            new SpecialDay(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "调休", "Adjusted working day"),
            new SpecialDay(LocalDate.of(2026, 10, 11), DayKind.WORKDAY, "调休", "Adjusted working day")));

    /** Monday to Friday 09:00-17:00, Saturday 10:00-15:00, Sunday closed. */
    private static List<DayHours> week() {
        List<DayHours> w = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d == DayOfWeek.SATURDAY) {
                w.add(DayHours.open(d, LocalTime.of(10, 0), LocalTime.of(15, 0)));
            } else if (d == DayOfWeek.SUNDAY) {
                w.add(DayHours.closed(d));
            } else {
                w.add(DayHours.open(d, LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
        }
        return w;
    }

    @Test
    void aPlainDayFollowsTheWeek() {
        OpeningHours wed = EffectiveHours.on(week(), CN, LocalDate.of(2026, 12, 2));
        assertThat(wed.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(wed.closes()).isEqualTo(LocalTime.of(17, 0));
        assertThat(EffectiveHours.on(week(), CN, LocalDate.of(2026, 12, 5)).opens()).isEqualTo(LocalTime.of(10, 0));
        assertThat(EffectiveHours.on(week(), CN, LocalDate.of(2026, 12, 6)).isOpen()).isFalse();
    }

    @Test
    void aHolidayIsClosedEvenOnAnOpenWeekday() {
        assertThat(EffectiveHours.on(week(), CN, LocalDate.of(2026, 10, 1)).isOpen()).as("Thursday holiday").isFalse();
        assertThat(EffectiveHours.on(week(), CN, LocalDate.of(2026, 10, 3)).isOpen()).as("Saturday holiday").isFalse();
    }

    @Test
    void anAdjustedWorkingDayOpensWithThatDaysHoursOrTheWorkingWeeksHours() {
        OpeningHours saturday = EffectiveHours.on(week(), CN, LocalDate.of(2026, 10, 10));
        assertThat(saturday.opens()).as("open on Saturdays anyway: its Saturday hours").isEqualTo(LocalTime.of(10, 0));
        OpeningHours sunday = EffectiveHours.on(week(), CN, LocalDate.of(2026, 10, 11));
        assertThat(sunday.isOpen()).as("closed on Sundays, but 调休: open with weekday hours").isTrue();
        assertThat(sunday.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(sunday.closes()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void aBranchWithNoWorkingWeekStaysClosedOnAnAdjustedWorkingDay() {
        List<DayHours> closed = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            closed.add(DayHours.closed(d));
        }
        assertThat(EffectiveHours.on(closed, CN, LocalDate.of(2026, 10, 11)).isOpen()).isFalse();
    }
}
