package org.fuwu.organization.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.fuwu.organization.internal.Branch;
import org.fuwu.organization.internal.BranchInput;
import org.fuwu.organization.internal.CounterInput;
import org.fuwu.organization.internal.CounterKind;
import org.fuwu.organization.internal.HoursInput;
import org.fuwu.organization.internal.OrganizationService;
import org.fuwu.organization.internal.Paging;
import org.fuwu.organization.internal.RegionInput;
import org.fuwu.organization.internal.Zone;
import org.fuwu.organization.internal.ZoneInput;
import org.fuwu.organization.internal.ZoneKind;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.springframework.context.MessageSource;
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

/**
 * The organisation pages: regions and branches, and a branch's zones, counters and opening hours.
 * What a user sees is scoped by branch in the service (403 outside the scope); who may open the
 * editing pages is the access policy's business.
 */
@Controller
@RequestMapping("/organization")
class OrganizationPageController {

    private static final String FORM = "form";

    private final OrganizationService service;
    private final BusinessCalendars calendars;
    private final MessageSource messages;

    OrganizationPageController(OrganizationService service, BusinessCalendars calendars, MessageSource messages) {
        this.service = service;
        this.calendars = calendars;
        this.messages = messages;
    }

    @GetMapping
    String home() {
        return "redirect:/organization/branches";
    }

    // ---- regions

    @GetMapping("/regions")
    String regions(Model model) {
        model.addAttribute("regions", service.allRegions());
        return "organization/regions";
    }

    @GetMapping("/regions/new")
    String newRegion(Model model) {
        return regionForm(new RegionInput(null, null, null, "CN", null), null, Map.of(), model);
    }

    @PostMapping("/regions")
    String createRegion(@Valid @ModelAttribute(FORM) RegionInput form, BindingResult binding, Model model, Locale locale,
                        RedirectAttributes redirect) {
        RegionInput input = form == null ? new RegionInput(null, null, null, null, null) : form;
        if (binding.hasErrors()) {
            return regionForm(input, null, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.createRegion(input);
        } catch (FieldValidationException e) {
            return regionForm(input, null, FormErrors.of(e, messages, locale), model);
        } catch (ConflictException e) {
            return regionForm(input, null, FormErrors.of("code", e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.regionSaved", input.code());
        return "redirect:/organization/regions";
    }

    @GetMapping("/regions/{code}/edit")
    String editRegion(@PathVariable String code, Model model) {
        return regionForm(RegionInput.of(service.region(code)), code, Map.of(), model);
    }

    @PostMapping("/regions/{code}")
    String updateRegion(@PathVariable String code, @Valid @ModelAttribute(FORM) RegionInput form, BindingResult binding,
                        Model model, Locale locale, RedirectAttributes redirect) {
        RegionInput input = form == null ? RegionInput.of(service.region(code)) : form;
        if (binding.hasErrors()) {
            return regionForm(input, code, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.updateRegion(code, input);
        } catch (FieldValidationException e) {
            return regionForm(input, code, FormErrors.of(e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.regionSaved", code);
        return "redirect:/organization/regions";
    }

    private String regionForm(RegionInput form, String code, Map<String, String> errors, Model model) {
        model.addAttribute(FORM, form);
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        model.addAttribute("calendars", calendars.codes());
        return "organization/region-form";
    }

    // ---- branches

    @GetMapping("/branches")
    String branches(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        model.addAttribute("page", service.branches(region, new Paging(page, 50, "code")));
        List<org.fuwu.organization.internal.Region> regions = service.allRegions();
        model.addAttribute("regions", regions);
        model.addAttribute("regionsByCode", regions.stream().collect(java.util.stream.Collectors.toMap(
                org.fuwu.organization.internal.Region::code, r -> r)));
        model.addAttribute("region", region);
        return "organization/branches";
    }

    @GetMapping("/branches/new")
    String newBranch(Model model) {
        BranchInput blank = new BranchInput(null, null, null, null, null, null, null, null, null, "Asia/Shanghai", true, null);
        return branchForm(blank, null, Map.of(), model);
    }

    @PostMapping("/branches")
    String createBranch(@Valid @ModelAttribute(FORM) BranchInput form, BindingResult binding, Model model, Locale locale,
                        RedirectAttributes redirect) {
        BranchInput input = form == null ? new BranchInput(null, null, null, null, null, null, null, null, null, null, true, null) : form;
        if (binding.hasErrors()) {
            return branchForm(input, null, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.createBranch(input);
        } catch (FieldValidationException e) {
            return branchForm(input, null, FormErrors.of(e, messages, locale), model);
        } catch (ConflictException e) {
            return branchForm(input, null, FormErrors.of("code", e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.branchSaved", input.code());
        return "redirect:/organization/branches/" + input.code();
    }

    @GetMapping("/branches/{code}")
    String branch(@PathVariable String code, Model model) {
        Branch branch = service.branch(code);
        model.addAttribute("branch", branch);
        model.addAttribute("region", service.region(branch.regionCode()));
        List<Zone> zones = service.zones(code);
        model.addAttribute("zones", zones);
        model.addAttribute("zonesByCode", zones.stream().collect(java.util.stream.Collectors.toMap(Zone::code, z -> z)));
        model.addAttribute("counters", service.counters(code));
        model.addAttribute("week", service.week(code));
        return "organization/branch";
    }

    @GetMapping("/branches/{code}/edit")
    String editBranch(@PathVariable String code, Model model) {
        return branchForm(BranchInput.of(service.branch(code)), code, Map.of(), model);
    }

    @PostMapping("/branches/{code}")
    String updateBranch(@PathVariable String code, @Valid @ModelAttribute(FORM) BranchInput form, BindingResult binding,
                        Model model, Locale locale, RedirectAttributes redirect) {
        BranchInput input = form == null ? BranchInput.of(service.branch(code)) : form;
        if (binding.hasErrors()) {
            return branchForm(input, code, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.updateBranch(code, input);
        } catch (FieldValidationException e) {
            return branchForm(input, code, FormErrors.of(e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.branchSaved", code);
        return "redirect:/organization/branches/" + code;
    }

    private String branchForm(BranchInput form, String code, Map<String, String> errors, Model model) {
        if (code != null) {
            service.branch(code);
        }
        model.addAttribute(FORM, form);
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", service.allRegions());
        return "organization/branch-form";
    }

    // ---- zones

    @GetMapping("/branches/{code}/zones/new")
    String newZone(@PathVariable String code, Model model) {
        return zoneForm(code, null, new ZoneInput(null, null, null, ZoneKind.NON_CASH.name(), true, null), Map.of(), model);
    }

    @PostMapping("/branches/{code}/zones")
    String createZone(@PathVariable String code, @Valid @ModelAttribute(FORM) ZoneInput form, BindingResult binding,
                      Model model, Locale locale, RedirectAttributes redirect) {
        ZoneInput input = form == null ? new ZoneInput(null, null, null, null, true, null) : form;
        if (binding.hasErrors()) {
            return zoneForm(code, null, input, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.createZone(code, input);
        } catch (FieldValidationException e) {
            return zoneForm(code, null, input, FormErrors.of(e, messages, locale), model);
        } catch (ConflictException e) {
            return zoneForm(code, null, input, FormErrors.of("code", e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.zoneSaved", input.code());
        return "redirect:/organization/branches/" + code;
    }

    @GetMapping("/branches/{code}/zones/{zone}/edit")
    String editZone(@PathVariable String code, @PathVariable String zone, Model model) {
        return zoneForm(code, zone, ZoneInput.of(service.zone(code, zone)), Map.of(), model);
    }

    @PostMapping("/branches/{code}/zones/{zone}")
    String updateZone(@PathVariable String code, @PathVariable String zone, @Valid @ModelAttribute(FORM) ZoneInput form,
                      BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        ZoneInput input = form == null ? ZoneInput.of(service.zone(code, zone)) : form;
        if (binding.hasErrors()) {
            return zoneForm(code, zone, input, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.updateZone(code, zone, input);
        } catch (FieldValidationException e) {
            return zoneForm(code, zone, input, FormErrors.of(e, messages, locale), model);
        } catch (ConflictException e) {
            return zoneForm(code, zone, input, FormErrors.of("active", e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.zoneSaved", zone);
        return "redirect:/organization/branches/" + code;
    }

    private String zoneForm(String branch, String zone, ZoneInput form, Map<String, String> errors, Model model) {
        model.addAttribute("branch", service.branch(branch));
        model.addAttribute(FORM, form);
        model.addAttribute("code", zone);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ZoneKind.values());
        return "organization/zone-form";
    }

    // ---- counters

    @GetMapping("/branches/{code}/counters/new")
    String newCounter(@PathVariable String code, Model model) {
        return counterForm(code, null, new CounterInput(null, null, null, CounterKind.NORMAL.name(), true, null),
                Map.of(), model);
    }

    @PostMapping("/branches/{code}/counters")
    String createCounter(@PathVariable String code, @Valid @ModelAttribute(FORM) CounterInput form, BindingResult binding,
                         Model model, Locale locale, RedirectAttributes redirect) {
        CounterInput input = form == null ? new CounterInput(null, null, null, null, true, null) : form;
        if (binding.hasErrors()) {
            return counterForm(code, null, input, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.createCounter(code, input);
        } catch (FieldValidationException e) {
            return counterForm(code, null, input, FormErrors.of(e, messages, locale), model);
        } catch (ConflictException e) {
            String field = "organization.conflict.counterNumberTaken".equals(e.messageKey()) ? "number" : "code";
            return counterForm(code, null, input, FormErrors.of(field, e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.counterSaved", input.code());
        return "redirect:/organization/branches/" + code;
    }

    @GetMapping("/branches/{code}/counters/{counter}/edit")
    String editCounter(@PathVariable String code, @PathVariable String counter, Model model) {
        return counterForm(code, counter, CounterInput.of(service.counter(code, counter)), Map.of(), model);
    }

    @PostMapping("/branches/{code}/counters/{counter}")
    String updateCounter(@PathVariable String code, @PathVariable String counter,
                         @Valid @ModelAttribute(FORM) CounterInput form, BindingResult binding, Model model,
                         Locale locale, RedirectAttributes redirect) {
        CounterInput input = form == null ? CounterInput.of(service.counter(code, counter)) : form;
        if (binding.hasErrors()) {
            return counterForm(code, counter, input, FormErrors.of(binding, messages, locale), model);
        }
        try {
            service.updateCounter(code, counter, input);
        } catch (FieldValidationException e) {
            return counterForm(code, counter, input, FormErrors.of(e, messages, locale), model);
        } catch (ConflictException e) {
            return counterForm(code, counter, input, FormErrors.of("number", e, messages, locale), model);
        }
        flash(redirect, locale, "organization.flash.counterSaved", counter);
        return "redirect:/organization/branches/" + code;
    }

    private String counterForm(String branch, String counter, CounterInput form, Map<String, String> errors, Model model) {
        model.addAttribute("branch", service.branch(branch));
        model.addAttribute("zones", service.zones(branch).stream().filter(Zone::active).toList());
        model.addAttribute(FORM, form);
        model.addAttribute("code", counter);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", CounterKind.values());
        return "organization/counter-form";
    }

    // ---- opening hours

    /** One row of the hours form. */
    record HoursRow(DayOfWeek weekday, boolean closed, String opens, String closes) {
    }

    @GetMapping("/branches/{code}/hours/edit")
    String editHours(@PathVariable String code, Model model) {
        List<HoursRow> rows = service.week(code).stream().map(h -> new HoursRow(h.weekday(), h.closed(),
                h.opens() == null ? "" : h.opens().toString(), h.closes() == null ? "" : h.closes().toString())).toList();
        return hoursForm(code, rows, Map.of(), model);
    }

    /** The form sends {@code closed_MONDAY}, {@code opens_MONDAY} and {@code closes_MONDAY} for each weekday. */
    @PostMapping("/branches/{code}/hours")
    String updateHours(@PathVariable String code, @RequestParam Map<String, String> params, Model model, Locale locale,
                       RedirectAttributes redirect) {
        List<HoursRow> rows = new ArrayList<>();
        List<HoursInput.Day> days = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            boolean closed = "true".equals(params.get("closed_" + d));
            String opens = params.getOrDefault("opens_" + d, "").trim();
            String closes = params.getOrDefault("closes_" + d, "").trim();
            rows.add(new HoursRow(d, closed, opens, closes));
            days.add(new HoursInput.Day(d.name(), closed, time(opens, "days[" + (d.getValue() - 1) + "].opens", errors, locale),
                    time(closes, "days[" + (d.getValue() - 1) + "].closes", errors, locale)));
        }
        if (errors.isEmpty()) {
            try {
                service.setWeek(code, new HoursInput(days));
                flash(redirect, locale, "organization.flash.hoursSaved", code);
                return "redirect:/organization/branches/" + code;
            } catch (FieldValidationException e) {
                errors.putAll(FormErrors.of(e, messages, locale));
            }
        }
        return hoursForm(code, rows, errors, model);
    }

    private LocalTime time(String value, String field, Map<String, String> errors, Locale locale) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, messages.getMessage("validation.typeMismatch", null, locale));
            return null;
        }
    }

    private String hoursForm(String code, List<HoursRow> rows, Map<String, String> errors, Model model) {
        model.addAttribute("branch", service.branch(code));
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "organization/hours-form";
    }

    private void flash(RedirectAttributes redirect, Locale locale, String key, Object arg) {
        redirect.addFlashAttribute("flash", messages.getMessage(key, new Object[] {arg}, locale));
    }
}
