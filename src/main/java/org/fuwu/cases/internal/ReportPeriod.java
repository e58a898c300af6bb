package org.fuwu.cases.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.fuwu.platform.FieldValidationException;

/**
 * A reporting period (named policy, plain Java): the ISO week (Monday to Sunday), the calendar month or the quarter that holds a
 * day, in the bank's zone; its previous period for trends; and the change of a count against the previous period.
 */
public record ReportPeriod(String granularity, LocalDate first, LocalDate last) {

    public static ReportPeriod of(String granularity, LocalDate day) {
        String g = granularity == null || granularity.isBlank() ? "MONTH" : granularity.strip().toUpperCase(Locale.ROOT);
        return switch (g) {
            case "WEEK" -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod("WEEK", monday, monday.plusDays(6));
            }
            case "MONTH" -> new ReportPeriod("MONTH", day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case "QUARTER" -> {
                LocalDate first = day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
                yield new ReportPeriod("QUARTER", first, first.plusMonths(3).minusDays(1));
            }
            default -> throw FieldValidationException.of("period", "cases.validation.period");
        };
    }

    public ReportPeriod previous() {
        return of(granularity, first.minusDays(1));
    }

    public Instant from(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The exclusive end. */
    public Instant to(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The change of a count against the previous period's, as a fraction (0.5 = +50 %); null when there was none. */
    public static Double change(int current, int previous) {
        return previous == 0 ? null : (double) (current - previous) / previous;
    }
}
