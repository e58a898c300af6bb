package org.fuwu.platform.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The business calendars, read from the database and cached per code. A change through
 * {@link CalendarAdministration} drops the cached calendar when its transaction commits; the time
 * to live bounds how stale another instance's copy can be.
 */
@Component
class JdbcBusinessCalendars implements BusinessCalendars {

    private record Cached(BusinessCalendar calendar, Instant loadedAt) {
    }

    private final CalendarRepository repository;
    private final CalendarProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    JdbcBusinessCalendars(CalendarRepository repository, CalendarProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public BusinessCalendar get(String code) {
        Instant now = clock.instant();
        Cached cached = cache.get(code);
        if (cached != null && cached.loadedAt().plus(properties.cacheTtl()).isAfter(now)) {
            return cached.calendar();
        }
        BusinessCalendar loaded = load(code);
        cache.put(code, new Cached(loaded, now));
        return loaded;
    }

    @Override
    public boolean exists(String code) {
        return code != null && (cache.containsKey(code) || repository.calendar(code).isPresent());
    }

    @Override
    public List<String> codes() {
        return repository.calendars().stream().map(CalendarRepository.CalendarRow::code).toList();
    }

    /** Forgets the cached copy of a calendar, so that the next read loads it again. */
    void invalidate(String code) {
        cache.remove(code);
    }

    private BusinessCalendar load(String code) {
        if (code == null) {
            throw new NotFoundException("calendar", "null");
        }
        CalendarRepository.CalendarRow row = repository.calendar(code)
                .orElseThrow(() -> new NotFoundException("calendar", code));
        return BusinessCalendar.of(row.code(), row.weekend(), repository.days(code));
    }
}
