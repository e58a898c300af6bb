package org.fuwu.platform.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.BusinessCalendar.DayKind;
import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Administers the special days of the business calendars: every change is audited and refreshes the cache. */
@Service
class CalendarAdministration {

    /** The longest run of days added at once. */
    static final int MAX_SPAN_DAYS = 31;

    private final CalendarRepository repository;
    private final JdbcBusinessCalendars calendars;
    private final AuditLog audit;

    CalendarAdministration(CalendarRepository repository, JdbcBusinessCalendars calendars, AuditLog audit) {
        this.repository = repository;
        this.calendars = calendars;
        this.audit = audit;
    }

    List<CalendarRepository.CalendarRow> calendars() {
        return repository.calendars();
    }

    CalendarRepository.CalendarRow calendar(String code) {
        return repository.calendar(code).orElseThrow(() -> new NotFoundException("calendar", code));
    }

    /** The special days of a calendar in a year, read fresh from the database. */
    List<SpecialDay> days(String code, int year) {
        calendar(code);
        checkYear(year);
        return repository.days(code).stream().filter(d -> d.date().getYear() == year).toList();
    }

    @Transactional
    SpecialDay addDay(String code, DayInput input) {
        CalendarRepository.CalendarRow calendar = calendar(code);
        DayKind kind = kind(input.kind());
        checkYear(input.date().getYear());
        if (kind == DayKind.WORKDAY && !calendar.weekend().contains(input.date().getDayOfWeek())) {
            throw FieldValidationException.of("date", "calendar.validation.workdayOnWeekend");
        }
        if (repository.dayExists(code, input.date())) {
            throw new ConflictException("calendar.conflict.dayExists", input.date().toString());
        }
        SpecialDay day = new SpecialDay(input.date(), kind, input.nameZh().trim(), input.nameEn().trim());
        repository.insertDay(code, day);
        audit.success("calendar.day.add", "calendar:" + code + "/" + input.date(), Map.of("kind", kind.name()));
        invalidateAfterCommit(code);
        return day;
    }

    /**
     * Adds the same kind of day for every date from {@code input.date()} to {@code until}, both
     * included (a holiday of several days), all or none.
     */
    @Transactional
    List<SpecialDay> addDays(String code, DayInput input, LocalDate until) {
        if (until == null || until.equals(input.date())) {
            return List.of(addDay(code, input));
        }
        if (until.isBefore(input.date()) || until.isAfter(input.date().plusDays(MAX_SPAN_DAYS - 1))) {
            throw FieldValidationException.of("until", "calendar.validation.until", MAX_SPAN_DAYS);
        }
        List<SpecialDay> added = new java.util.ArrayList<>();
        for (LocalDate d = input.date(); !d.isAfter(until); d = d.plusDays(1)) {
            added.add(addDay(code, new DayInput(d, input.kind(), input.nameZh(), input.nameEn())));
        }
        return added;
    }

    @Transactional
    void removeDay(String code, LocalDate date) {
        calendar(code);
        if (repository.deleteDay(code, date) == 0) {
            throw new NotFoundException("calendarDay", code + "/" + date);
        }
        audit.success("calendar.day.remove", "calendar:" + code + "/" + date);
        invalidateAfterCommit(code);
    }

    private static DayKind kind(String name) {
        try {
            return DayKind.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldValidationException.of("kind", "calendar.validation.kind");
        }
    }

    private static void checkYear(int year) {
        if (year < 1900 || year > 2200) {
            throw FieldValidationException.of("year", "calendar.validation.year");
        }
    }

    private void invalidateAfterCommit(String code) {
        calendars.invalidate(code);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    calendars.invalidate(code);
                }
            });
        }
    }
}
