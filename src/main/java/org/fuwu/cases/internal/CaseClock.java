package org.fuwu.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fuwu.platform.BusinessCalendar;

/**
 * A case's clock (named policy, plain Java): when a deadline falls due, and how much of it is left, from the
 * moment of receipt, the rule, the business calendar and working hours, and the pauses (waiting for the
 * customer, third-party appraisal: the clock stops).
 *
 * <p>A clock has a budget of countable time and counts it from its start:
 * <ul>
 *   <li>days and weeks: whole days after the day of receipt, so "within 15 days" of a complaint received on
 *       1 March at 16:00 is due at the end of 16 March (local); business days count working days only;</li>
 *   <li>hours: from the moment of receipt; business hours count only the working hours of working days.</li>
 * </ul>
 * Paused time never counts. Nothing is stored but the inputs, so a change of the calendar (a holiday added)
 * or of a pause gives the new due time on the next read.
 *
 * @param rule the deadline
 * @param receivedAt when the matter was received (the clock's start)
 * @param zone the time zone whose days count
 * @param calendar the business calendar (holidays, 调休)
 * @param workStart the start of working hours (business hours only)
 * @param workEnd the end of working hours
 * @param pauses the stretches the clock stood still; the last may be open (to = null: paused now)
 */
public record CaseClock(ClockRule rule, Instant receivedAt, ZoneId zone, BusinessCalendar calendar, LocalTime workStart,
                        LocalTime workEnd, List<Pause> pauses) {

    /** A stretch the clock stood still; {@code to} null while it still does. */
    public record Pause(Instant from, Instant to) {
    }

    /** Where a clock stands at a moment. */
    public enum State { RUNNING, PAUSED, BREACHED }

    /** The clock at a moment: its due time (null while paused with budget left), what is left, and its state. */
    public record Reading(String name, Instant dueAt, Duration left, State state) {
    }

    public CaseClock {
        pauses = pauses.stream().sorted(Comparator.comparing(Pause::from)).toList();
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("working hours start before they end");
        }
    }

    /** Calendar days with 09:00-17:00 working hours (which they do not use). */
    public static CaseClock of(ClockRule rule, Instant receivedAt, ZoneId zone, BusinessCalendar calendar, List<Pause> pauses) {
        return new CaseClock(rule, receivedAt, zone, calendar, LocalTime.of(9, 0), LocalTime.of(17, 0), pauses);
    }

    private boolean hours() {
        return rule.unit() == ClockRule.Unit.CALENDAR_HOURS || rule.unit() == ClockRule.Unit.BUSINESS_HOURS;
    }

    private boolean business() {
        return rule.unit() == ClockRule.Unit.BUSINESS_DAYS || rule.unit() == ClockRule.Unit.BUSINESS_HOURS;
    }

    /** The countable time the rule gives. */
    Duration budget() {
        return switch (rule.unit()) {
            case CALENDAR_DAYS, BUSINESS_DAYS -> Duration.ofDays(rule.amount());
            case WEEKS -> Duration.ofDays(7L * rule.amount());
            case CALENDAR_HOURS, BUSINESS_HOURS -> Duration.ofHours(rule.amount());
        };
    }

    /** Where counting starts: the moment of receipt (hours), or the start of the next day (days, weeks). */
    Instant start() {
        if (hours()) {
            return receivedAt;
        }
        return receivedAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The countable windows of one local day: the whole day, its working hours, or nothing. */
    private List<Instant[]> windows(LocalDate day) {
        if (business() && !calendar.isWorkingDay(day)) {
            return List.of();
        }
        if (rule.unit() == ClockRule.Unit.BUSINESS_HOURS) {
            return List.<Instant[]>of(new Instant[]{day.atTime(workStart).atZone(zone).toInstant(), day.atTime(workEnd).atZone(zone).toInstant()});
        }
        // a business day counts whole (24 h of budget); so does every day of a calendar clock
        return List.<Instant[]>of(new Instant[]{day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()});
    }

    /** The parts from a (included) to b (excluded) outside every pause. */
    private List<Instant[]> unpaused(Instant a, Instant b, Instant now) {
        List<Instant[]> out = new ArrayList<>();
        Instant cursor = a;
        for (Pause p : pauses) {
            Instant pf = p.from();
            Instant pt = p.to() == null ? Instant.MAX : p.to();
            if (!pt.isAfter(cursor) || !pf.isBefore(b)) {
                continue;
            }
            if (pf.isAfter(cursor)) {
                out.add(new Instant[]{cursor, pf});
            }
            cursor = pt.isAfter(cursor) ? pt : cursor;
            if (!cursor.isBefore(b)) {
                return out;
            }
        }
        if (cursor.isBefore(b)) {
            out.add(new Instant[]{cursor, b});
        }
        return out;
    }

    /**
     * Walks the countable time from the start: the instant where {@code budget} is used up, or null when it is not
     * reached before {@code until} (or, with an open pause, never).
     */
    private Instant walk(Duration budget, Instant until) {
        Duration left = budget;
        LocalDate day = start().atZone(zone).toLocalDate();
        Instant from = start();
        for (int i = 0; i < 3660; i++, day = day.plusDays(1)) {
            for (Instant[] w : windows(day)) {
                Instant a = w[0].isBefore(from) ? from : w[0];
                if (!a.isBefore(w[1])) {
                    continue;
                }
                for (Instant[] part : unpaused(a, w[1], until)) {
                    Duration len = Duration.between(part[0], part[1]);
                    if (len.compareTo(left) >= 0) {
                        return part[0].plus(left);
                    }
                    left = left.minus(len);
                }
            }
            if (openPause() && day.atStartOfDay(zone).toInstant().isAfter(until)) {
                return null; // paused for good from here on: the due time is not known yet
            }
        }
        return null;
    }

    private boolean openPause() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
    }

    /** The countable time used between the start and a moment. */
    Duration used(Instant now) {
        Duration used = Duration.ZERO;
        if (!now.isAfter(start())) {
            return used;
        }
        LocalDate day = start().atZone(zone).toLocalDate();
        LocalDate last = now.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] w : windows(day)) {
                Instant a = w[0].isBefore(start()) ? start() : w[0];
                Instant b = w[1].isAfter(now) ? now : w[1];
                if (!a.isBefore(b)) {
                    continue;
                }
                for (Instant[] part : unpaused(a, b, now)) {
                    used = used.plus(Duration.between(part[0], part[1]));
                }
            }
        }
        return used;
    }

    /** The clock at a moment. */
    public Reading at(Instant now) {
        Duration budget = budget();
        Duration used = used(now);
        Duration left = budget.minus(used);
        boolean pausedNow = pauses.stream().anyMatch(p -> !p.from().isAfter(now) && (p.to() == null || p.to().isAfter(now)));
        if (left.isNegative() || left.isZero()) {
            return new Reading(rule.name(), walk(budget, now), left, State.BREACHED);
        }
        Instant due = openPause() && pausedNow ? null : walk(budget, Instant.MAX);
        return new Reading(rule.name(), due, left, pausedNow ? State.PAUSED : State.RUNNING);
    }

    /**
     * When {@code percent} % of the budget is used up (100: the due time), for escalations at a share of a clock; null
     * while the clock stands still (an open pause) before that share is reached.
     */
    public Instant reaches(int percent, Instant now) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a share of a clock is 1 to 100 %");
        }
        Duration part = budget().multipliedBy(percent).dividedBy(100);
        return walk(part, openPause() ? now : Instant.MAX);
    }
}
