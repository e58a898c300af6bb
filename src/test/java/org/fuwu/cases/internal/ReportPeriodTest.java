package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.fuwu.platform.FieldValidationException;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void aWeekRunsMondayToSundayAndAMonthItsCalendarMonthWithTheirPreviousPeriods() {
        ReportPeriod w = ReportPeriod.of("week", LocalDate.of(2026, 12, 2));
        assertThat(w.first()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(w.last()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(w.previous().first()).isEqualTo(LocalDate.of(2026, 11, 23));
        ReportPeriod m = ReportPeriod.of(null, LocalDate.of(2026, 3, 31));
        assertThat(m.first()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(m.previous().last()).isEqualTo(LocalDate.of(2026, 2, 28));
        ReportPeriod q = ReportPeriod.of("QUARTER", LocalDate.of(2026, 5, 20));
        assertThat(q.first()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(q.last()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(q.previous().first()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> ReportPeriod.of("DECADE", LocalDate.of(2026, 3, 31))).isInstanceOf(FieldValidationException.class);
    }

    @Test
    void theChangeIsAgainstThePreviousCountAndUndefinedFromNothing() {
        assertThat(ReportPeriod.change(6, 4)).isEqualTo(0.5);
        assertThat(ReportPeriod.change(2, 4)).isEqualTo(-0.5);
        assertThat(ReportPeriod.change(3, 0)).isNull();
    }
}
