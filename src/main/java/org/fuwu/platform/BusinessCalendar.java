package org.fuwu.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named policy: which days are working days. A day is a working day when it is an adjusted
 * working day (调休, {@link DayKind#WORKDAY}), or when it is neither a weekend day nor a public
 * holiday ({@link DayKind#HOLIDAY}). Immutable and Spring-free.
 */
public final class BusinessCalendar {

    /** What a special day is: a public holiday, or a working day on a weekend (调休). */
    public enum DayKind { HOLIDAY, WORKDAY }

    /** A day that differs from the plain week, with its name in both languages. */
    public record SpecialDay(LocalDate date, DayKind kind, String nameZh, String nameEn) {

        public SpecialDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** How far a search for a working day looks before it gives up, as a guard against a calendar with none. */
    private static final int SEARCH_LIMIT_DAYS = 3660;

    private final String code;
    private final Set<DayOfWeek> weekend;
    private final TreeMap<LocalDate, SpecialDay> specialDays;

    private BusinessCalendar(String code, Set<DayOfWeek> weekend, Collection<SpecialDay> days) {
        this.code = Objects.requireNonNull(code, "code");
        this.weekend = weekend.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(weekend));
        TreeMap<LocalDate, SpecialDay> map = new TreeMap<>();
        for (SpecialDay d : days) {
            if (map.put(d.date(), d) != null) {
                throw new IllegalArgumentException("day " + d.date() + " is given twice");
            }
        }
        this.specialDays = map;
    }

    public static BusinessCalendar of(String code, Set<DayOfWeek> weekend, Collection<SpecialDay> specialDays) {
        return new BusinessCalendar(code, weekend, specialDays);
    }

    /** A calendar with a Saturday-Sunday weekend. */
    public static BusinessCalendar of(String code, Collection<SpecialDay> specialDays) {
        return of(code, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), specialDays);
    }

    public String code() {
        return code;
    }

    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    public boolean isWorkingDay(LocalDate date) {
        SpecialDay special = specialDays.get(date);
        if (special != null) {
            return special.kind() == DayKind.WORKDAY;
        }
        return !weekend.contains(date.getDayOfWeek());
    }

    /** The special day on that date, if it is one. */
    public Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(specialDays.get(date));
    }

    /** The special days of a year, in date order. */
    public List<SpecialDay> specialDays(int year) {
        Map<LocalDate, SpecialDay> sub = specialDays.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
        return List.copyOf(sub.values());
    }

    /** The first working day strictly after the date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return step(date, 1);
    }

    /** The last working day strictly before the date. */
    public LocalDate previousWorkingDay(LocalDate date) {
        return step(date, -1);
    }

    /** The date itself when it is a working day, otherwise the next working day. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    /**
     * Moves by working days: {@code n > 0} gives the n-th working day after the date, {@code n < 0}
     * the n-th before it (the date itself is never counted), and {@code n == 0}
     * {@link #workingDayOnOrAfter(LocalDate)}. A deadline of 3 working days from a request made on
     * Friday 2026-02-13 is {@code addWorkingDays(2026-02-13, 3)}.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n == 0) {
            return workingDayOnOrAfter(date);
        }
        int direction = n > 0 ? 1 : -1;
        LocalDate d = date;
        for (int i = 0; i < Math.abs(n); i++) {
            d = step(d, direction);
        }
        return d;
    }

    /**
     * The number of working days from the start to the end: the start counted, the end not. Negative
     * when the end is before the start ({@code -workingDaysBetween(end, start)}).
     */
    public long workingDaysBetween(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            return -workingDaysBetween(end, start);
        }
        long count = 0;
        for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate step(LocalDate from, int direction) {
        LocalDate d = from;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++) {
            d = d.plusDays(direction);
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("calendar " + code + " has no working day within " + SEARCH_LIMIT_DAYS
                + " days of " + from);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + code + ", weekend " + weekend + ", " + specialDays.size() + " special days]";
    }
}
