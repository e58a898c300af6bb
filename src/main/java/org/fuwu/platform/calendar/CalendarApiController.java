package org.fuwu.platform.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business calendars: read by all staff, their special days changed by administrators. */
@RestController
@RequestMapping("/api/v1/calendars")
@Tag(name = "Business calendars", description = "Public holidays and adjusted working days (调休)")
class CalendarApiController {

    /** A calendar. */
    record CalendarView(String code, String nameZh, String nameEn, List<String> weekendDays) {

        static CalendarView of(CalendarRepository.CalendarRow row) {
            return new CalendarView(row.code(), row.nameZh(), row.nameEn(), row.weekendNames());
        }
    }

    /** A special day. */
    record DayView(LocalDate date, String weekday, String kind, String nameZh, String nameEn) {

        static DayView of(SpecialDay d) {
            return new DayView(d.date(), d.date().getDayOfWeek().name(), d.kind().name(), d.nameZh(), d.nameEn());
        }
    }

    /** A list answer; calendars and a year's days are short, so it is one page holding everything. */
    record Listing<T>(List<T> items, int page, int size, long total) {

        static <T> Listing<T> all(List<T> items) {
            return new Listing<>(items, 0, items.size(), items.size());
        }
    }

    private final CalendarAdministration administration;
    private final Clock clock;

    CalendarApiController(CalendarAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    Listing<CalendarView> calendars() {
        return Listing.all(administration.calendars().stream().map(CalendarView::of).toList());
    }

    @GetMapping("/{code}")
    CalendarView calendar(@PathVariable String code) {
        return CalendarView.of(administration.calendar(code));
    }

    /** The special days of a year (this year by default). */
    @GetMapping("/{code}/days")
    Listing<DayView> days(@PathVariable String code, @RequestParam(required = false) Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        return Listing.all(administration.days(code, y).stream().map(DayView::of).toList());
    }

    @PostMapping("/{code}/days")
    ResponseEntity<DayView> add(@PathVariable String code, @Valid @RequestBody DayInput input) {
        SpecialDay day = administration.addDay(code, input);
        return ResponseEntity.created(URI.create("/api/v1/calendars/" + code + "/days/" + day.date()))
                .body(DayView.of(day));
    }

    @DeleteMapping("/{code}/days/{date}")
    ResponseEntity<Void> remove(@PathVariable String code,
                                @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        administration.removeDay(code, date);
        return ResponseEntity.noContent().build();
    }
}
