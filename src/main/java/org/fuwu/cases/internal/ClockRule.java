package org.fuwu.cases.internal;

/**
 * One deadline: how much countable time a clock has, in which unit.
 *
 * @param name the clock's name, such as {@code decision} or {@code first-response}
 * @param amount how many units, at least 1
 * @param unit what counts
 */
public record ClockRule(String name, int amount, Unit unit) {

    /** What a clock counts. */
    public enum Unit {
        /** Whole days after the day of receipt, every day counting: "within 15 days". */
        CALENDAR_DAYS,
        /** Whole working days after the day of receipt (the business calendar's holidays and 调休 applied). */
        BUSINESS_DAYS,
        /** Hours from the moment of receipt, every hour counting: "within 24 hours". */
        CALENDAR_HOURS,
        /** Hours inside the working hours of working days, from the moment of receipt. */
        BUSINESS_HOURS,
        /** Whole weeks after the day of receipt (8 weeks: 56 calendar days). */
        WEEKS
    }

    public ClockRule {
        if (name == null || name.isBlank() || amount < 1 || unit == null) {
            throw new IllegalArgumentException("a clock rule has a name, an amount of at least 1 and a unit");
        }
    }
}
