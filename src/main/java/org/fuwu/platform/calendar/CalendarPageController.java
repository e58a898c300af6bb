package org.fuwu.platform.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendar.DayKind;
import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administration of the business calendars: a year at a glance, and its holidays and adjusted working days. */
@Controller
@RequestMapping("/calendars")
class CalendarPageController {

    /** One cell of a month grid; {@code css} says what kind of day it is. */
    record DayCell(LocalDate date, boolean inMonth, String css, String title) {
    }

    /** A month of the year view, in weeks from Monday. */
    record MonthView(String name, List<List<DayCell>> weeks, long workingDays) {
    }

    private final CalendarAdministration administration;
    private final MessageSource messages;
    private final Clock clock;

    CalendarPageController(CalendarAdministration administration, MessageSource messages, Clock clock) {
        this.administration = administration;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("calendars", administration.calendars());
        return "platform/calendars";
    }

    @GetMapping("/{code}")
    String year(@PathVariable String code, @RequestParam(required = false) Integer year, Model model, Locale locale) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        LocalDate today = LocalDate.now(clock);
        DayInput blank = new DayInput(today.getYear() == y ? today : LocalDate.of(y, 1, 1), "HOLIDAY", null, null);
        return page(code, y, blank, Map.of(), model, locale);
    }

    @PostMapping("/{code}/days")
    String add(@PathVariable String code, @Valid @ModelAttribute("day") DayInput day, BindingResult binding,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
               Model model, Locale locale, RedirectAttributes redirect) {
        if (day == null) {
            day = new DayInput(null, "HOLIDAY", null, null);
        }
        int year = day.date() == null ? LocalDate.now(clock).getYear() : day.date().getYear();
        if (binding.hasErrors()) {
            return page(code, year, day, errors(binding, locale), model, locale);
        }
        try {
            administration.addDays(code, day, until);
        } catch (FieldValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.put(f.field(), messages.getMessage(f.messageKey(), f.args(), locale)));
            return page(code, year, day, errors, model, locale);
        } catch (ConflictException e) {
            return page(code, year, day, Map.of("date", messages.getMessage(e.messageKey(), e.args(), locale)),
                    model, locale);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("calendar.flash.added", new Object[] {day.date()}, locale));
        return "redirect:/calendars/" + code + "?year=" + year;
    }

    @PostMapping("/{code}/days/{date}/delete")
    String remove(@PathVariable String code, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Locale locale, RedirectAttributes redirect) {
        administration.removeDay(code, date);
        redirect.addFlashAttribute("flash", messages.getMessage("calendar.flash.removed", new Object[] {date}, locale));
        return "redirect:/calendars/" + code + "?year=" + date.getYear();
    }

    private String page(String code, int year, DayInput day, Map<String, String> errors, Model model, Locale locale) {
        CalendarRepository.CalendarRow calendar = administration.calendar(code);
        List<SpecialDay> days = administration.days(code, year);
        BusinessCalendar policy = BusinessCalendar.of(code, calendar.weekend(), days);
        model.addAttribute("calendar", calendar);
        model.addAttribute("year", year);
        model.addAttribute("days", days);
        model.addAttribute("months", months(policy, year, locale));
        model.addAttribute("weekdays", java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
        model.addAttribute("workingDays", policy.workingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        model.addAttribute("day", day);
        model.addAttribute("errors", errors);
        model.addAttribute("zh", "zh".equals(locale.getLanguage()));
        return "platform/calendar";
    }

    private List<MonthView> months(BusinessCalendar policy, int year, Locale locale) {
        List<MonthView> months = new ArrayList<>();
        for (Month m : Month.values()) {
            LocalDate first = LocalDate.of(year, m, 1);
            LocalDate start = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate end = first.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            List<List<DayCell>> weeks = new ArrayList<>();
            List<DayCell> week = new ArrayList<>();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                week.add(cell(policy, d, m, locale));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            long working = policy.workingDaysBetween(first, first.plusMonths(1));
            months.add(new MonthView(m.getDisplayName(TextStyle.FULL, locale), weeks, working));
        }
        return months;
    }

    private static DayCell cell(BusinessCalendar policy, LocalDate d, Month month, Locale locale) {
        if (d.getMonth() != month) {
            return new DayCell(d, false, "", "");
        }
        var special = policy.specialDay(d);
        boolean zh = "zh".equals(locale.getLanguage());
        if (special.isPresent()) {
            SpecialDay s = special.get();
            String name = zh ? s.nameZh() : s.nameEn();
            return new DayCell(d, true, s.kind() == DayKind.HOLIDAY ? "bg-danger-subtle text-danger-emphasis" : "bg-warning-subtle fw-semibold",
                    name == null ? "" : name);
        }
        return new DayCell(d, true, policy.isWorkingDay(d) ? "" : "text-body-tertiary", "");
    }

    private Map<String, String> errors(BindingResult binding, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(),
                messages.getMessage("validation." + (f.isBindingFailure() ? "typeMismatch" : f.getCode()), null,
                        messages.getMessage("validation.invalid", null, locale), locale)));
        return errors;
    }
}
