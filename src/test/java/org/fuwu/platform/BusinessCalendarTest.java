package org.fuwu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.fuwu.platform.BusinessCalendar.DayKind;
import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.junit.jupiter.api.Test;

/** The mainland's 2026 schedule, as the State Council announced it. */
class BusinessCalendarTest {

    /** The 2026 mainland holidays and adjusted working days (the same as the CN reference migration). */
    static BusinessCalendar cn2026() {
        List<SpecialDay> days = new ArrayList<>();
        holidays(days, "2026-01-01", 3, "元旦");
        days.add(workday("2026-01-04"));
        days.add(workday("2026-02-14"));
        holidays(days, "2026-02-15", 9, "春节");
        days.add(workday("2026-02-28"));
        holidays(days, "2026-04-04", 3, "清明节");
        holidays(days, "2026-05-01", 5, "劳动节");
        days.add(workday("2026-05-09"));
        holidays(days, "2026-06-19", 3, "端午节");
        days.add(workday("2026-09-20"));
        holidays(days, "2026-09-25", 3, "中秋节");
        holidays(days, "2026-10-01", 7, "国庆节");
        days.add(workday("2026-10-10"));
        return BusinessCalendar.of("CN", days);
    }

    private static void holidays(List<SpecialDay> days, String first, int count, String name) {
        LocalDate d = LocalDate.parse(first);
        for (int i = 0; i < count; i++) {
            days.add(new SpecialDay(d.plusDays(i), DayKind.HOLIDAY, name, name));
        }
    }

    private static SpecialDay workday(String date) {
        return new SpecialDay(LocalDate.parse(date), DayKind.WORKDAY, "调休上班", "Adjusted working day");
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private final BusinessCalendar cn = cn2026();

    @Test
    void adjustedSaturdayBeforeSpringFestivalIsAWorkingDay() {
        assertThat(d("2026-02-14").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(cn.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(cn.isWorkingDay(d("2026-02-28"))).isTrue();
    }

    @Test
    void springFestivalMondayIsAHoliday() {
        assertThat(d("2026-02-16").getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(cn.isWorkingDay(d("2026-02-16"))).isFalse();
        assertThat(cn.specialDay(d("2026-02-16"))).hasValueSatisfying(s -> assertThat(s.nameZh()).isEqualTo("春节"));
    }

    @Test
    void everyDayOfTheSpringFestivalIsOffAndTheDayAfterWorks() {
        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertThat(cn.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(cn.isWorkingDay(d("2026-02-24"))).isTrue();
    }

    @Test
    void adjustedSundaysAndSaturdaysWork() {
        assertThat(cn.isWorkingDay(d("2026-01-04"))).isTrue();
        assertThat(cn.isWorkingDay(d("2026-05-09"))).isTrue();
        assertThat(cn.isWorkingDay(d("2026-09-20"))).isTrue();
        assertThat(cn.isWorkingDay(d("2026-10-10"))).isTrue();
    }

    @Test
    void plainWeekendsAndWeekdaysFollowTheWeek() {
        assertThat(cn.isWorkingDay(d("2026-03-07"))).isFalse();
        assertThat(cn.isWorkingDay(d("2026-03-08"))).isFalse();
        assertThat(cn.isWorkingDay(d("2026-03-09"))).isTrue();
    }

    @Test
    void holidaysOfEveryFestivalAreOff() {
        for (String day : List.of("2026-01-01", "2026-01-02", "2026-04-06", "2026-05-01", "2026-05-05", "2026-06-19",
                "2026-09-25", "2026-10-01", "2026-10-07")) {
            assertThat(cn.isWorkingDay(d(day))).as(day).isFalse();
        }
    }

    @Test
    void addingWorkingDaysCrossesTheSpringFestival() {
        // Friday 13th, then the working Saturday 14th, then nine days off, then Tuesday 24th.
        assertThat(cn.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(cn.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(cn.addWorkingDays(d("2026-02-12"), 5)).isEqualTo(d("2026-02-26"));
        assertThat(cn.addWorkingDays(d("2026-02-24"), -1)).isEqualTo(d("2026-02-14"));
    }

    @Test
    void addingZeroWorkingDaysStaysOnAWorkingDayOrMovesToTheNext() {
        assertThat(cn.addWorkingDays(d("2026-02-13"), 0)).isEqualTo(d("2026-02-13"));
        assertThat(cn.addWorkingDays(d("2026-02-16"), 0)).isEqualTo(d("2026-02-24"));
    }

    @Test
    void nextWorkingDayAfterNationalDayIsTheWorkingSaturday() {
        assertThat(cn.nextWorkingDay(d("2026-09-30"))).isEqualTo(d("2026-10-08"));
        assertThat(cn.nextWorkingDay(d("2026-10-09"))).isEqualTo(d("2026-10-10"));
        assertThat(cn.nextWorkingDay(d("2026-09-18"))).isEqualTo(d("2026-09-20"));
        assertThat(cn.previousWorkingDay(d("2026-10-08"))).isEqualTo(d("2026-09-30"));
    }

    @Test
    void workingDaysBetweenCountsTheStartAndNotTheEnd() {
        // February 2026: 20 weekdays, minus 6 festival weekdays (16-20, 23), plus the working Saturdays 14 and 28.
        assertThat(cn.workingDaysBetween(d("2026-02-01"), d("2026-03-01"))).isEqualTo(16);
        assertThat(cn.workingDaysBetween(d("2026-10-01"), d("2026-10-12"))).isEqualTo(3);
        assertThat(cn.workingDaysBetween(d("2026-10-12"), d("2026-10-01"))).isEqualTo(-3);
        assertThat(cn.workingDaysBetween(d("2026-02-13"), d("2026-02-13"))).isZero();
    }

    @Test
    void the2026MainlandYearHas248WorkingDays() {
        // 261 weekdays, minus the 19 festival days that fall on a weekday, plus the 6 adjusted weekend working days.
        long weekdays = 0;
        for (LocalDate day = d("2026-01-01"); day.getYear() == 2026; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() < 6) {
                weekdays++;
            }
        }
        long festivalWeekdays = cn.specialDays(2026).stream()
                .filter(s -> s.kind() == DayKind.HOLIDAY && s.date().getDayOfWeek().getValue() < 6).count();
        assertThat(cn.workingDaysBetween(d("2026-01-01"), d("2027-01-01")))
                .isEqualTo(weekdays - festivalWeekdays + 6).isEqualTo(248);
        assertThat(festivalWeekdays).isEqualTo(19);
        assertThat(cn.specialDays(2026)).hasSize(39);
        assertThat(cn.specialDays(2025)).isEmpty();
    }

    @Test
    void aCalendarWithoutWorkingDaysFailsInsteadOfLooping() {
        BusinessCalendar never = BusinessCalendar.of("X", EnumSet.allOf(DayOfWeek.class), List.of());
        assertThatThrownBy(() -> never.nextWorkingDay(d("2026-01-01"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDayGivenTwiceIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.of("X", List.of(workday("2026-01-04"), workday("2026-01-04"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCustomWeekendIsHonoured() {
        BusinessCalendar fridayOff = BusinessCalendar.of("AE", EnumSet.of(DayOfWeek.FRIDAY), List.of());
        assertThat(fridayOff.isWorkingDay(d("2026-03-06"))).isFalse();
        assertThat(fridayOff.isWorkingDay(d("2026-03-07"))).isTrue();
    }
}
