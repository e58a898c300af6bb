package org.fuwu.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.cases.CaseIntake;
import org.fuwu.cases.internal.CaseAttachments;
import org.fuwu.cases.internal.CaseLists;
import org.fuwu.cases.internal.CaseStatistics;
import org.fuwu.cases.internal.IntakeRequirements;
import org.fuwu.cases.internal.IntakeService;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.fuwu.platform.web.RequestOrigin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's public complaint form (no log-in, rate limited per client address, CSRF-protected like every form),
 * the complaint officer's dashboard, the hotspot page, files added on the case page, and saving a list's filter.
 */
@Controller
class CaseInsightPageController {

    static final List<String> PUBLIC_TYPES = List.of("COMPLAINT", "SERVICE_REQUEST", "INQUIRY", "FEEDBACK");

    private final CaseInsightPages pages;
    private final IntakeService intake;
    private final CaseAttachments attachments;
    private final CaseLists lists;
    private final CaseStatistics statistics;
    private final MessageSource messages;
    private final ClientRateLimit publicLimit;
    private final Clock clock;
    private final ZoneId zone;

    CaseInsightPageController(CaseInsightPages pages, IntakeService intake, CaseAttachments attachments, CaseLists lists,
                              CaseStatistics statistics, MessageSource messages, Clock clock,
                              @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone,
                              @Value("${fuwu.cases.public-form.per-window:5}") int perWindow,
                              @Value("${fuwu.cases.public-form.window:PT10M}") Duration window) {
        this.pages = pages;
        this.intake = intake;
        this.attachments = attachments;
        this.lists = lists;
        this.statistics = statistics;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.publicLimit = new ClientRateLimit(perWindow, window, clock);
    }

    // ---- the customer's form

    private void publicForm(Model model) {
        model.addAttribute("types", PUBLIC_TYPES);
        model.addAttribute("requestKinds", IntakeRequirements.REQUEST_KINDS.stream().sorted().toList());
        model.addAttribute("anonymousTypes", IntakeRequirements.ANONYMOUS_TYPES);
        model.addAttribute("branches", intake.branches().stream().filter(b -> b.active()).toList());
    }

    @GetMapping("/complaint")
    String complaintForm(Model model) {
        publicForm(model);
        return "cases/complaint";
    }

    @PostMapping("/complaint")
    String complain(@RequestParam(defaultValue = "COMPLAINT") String type, @RequestParam(required = false) String requestKind,
                    @RequestParam(required = false) String summary, @RequestParam(required = false) String contactName,
                    @RequestParam(required = false) String contactMobile, @RequestParam(required = false) String contactEmail,
                    @RequestParam(required = false) String branchCode,
                    @RequestParam(value = "file", required = false) List<MultipartFile> files, Model model,
                    RedirectAttributes flash, HttpServletResponse response, Locale locale) {
        model.addAttribute("form", new Form(type, requestKind, summary, contactName, contactMobile, contactEmail, branchCode));
        if (CurrentStaff.find().isEmpty() && !publicLimit.tryAcquire(RequestOrigin.current())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "600");
            model.addAttribute("complaintError", messages.getMessage("cases.public.tooMany", null, locale));
            publicForm(model);
            return "cases/complaint";
        }
        try {
            if (!PUBLIC_TYPES.contains(type)) {
                throw FieldValidationException.of("type", "cases.validation.type");
            }
            CaseIntake.OpenedCase opened = pages.open(new CaseIntake.NewCase(type, null, summary, "WEB_FORM", null, null),
                    requestKind, null, null, contactName, contactMobile, contactEmail, branchCode, files);
            flash.addFlashAttribute("number", opened.number());
            return "redirect:/complaint/received";
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            response.setStatus(422);
            model.addAttribute("complaintError", messages.getMessage(f.messageKey(), f.args(), locale));
            model.addAttribute("errorField", f.field());
            publicForm(model);
            return "cases/complaint";
        }
    }

    /** What the form keeps when it comes back with an error (never files). */
    record Form(String type, String requestKind, String summary, String contactName, String contactMobile, String contactEmail,
                String branchCode) {
    }

    @GetMapping("/complaint/received")
    String received(Model model) {
        if (!model.containsAttribute("number")) {
            return "redirect:/complaint";
        }
        return "cases/complaint-received";
    }

    // ---- the officers' pages

    @GetMapping("/cases/insights/dashboard")
    String dashboard(Model model) {
        model.addAttribute("dashboard", lists.dashboard());
        model.addAttribute("zone", zone);
        return "cases/dashboard";
    }

    @GetMapping("/cases/insights/hotspots")
    String hotspots(@RequestParam(defaultValue = "MONTH") String period, @RequestParam(required = false) String day, Model model) {
        LocalDate d = CaseApiController.day(day, "day", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("h", statistics.hotspots(period, d));
        model.addAttribute("day", d);
        return "cases/hotspots";
    }

    @PostMapping("/cases/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes flash,
                  Locale locale) {
        try {
            attachments.add(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                    CaseInsightApiController.bytes(file));
            flash.addFlashAttribute("flash", messages.getMessage("cases.page.done.attach", null, locale));
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            flash.addFlashAttribute("caseError", messages.getMessage(f.messageKey(), f.args(), locale));
        } catch (ConflictException e) {
            flash.addFlashAttribute("caseError", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/insights/filters")
    String saveFilter(@RequestParam(required = false) String name, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String type, @RequestParam(defaultValue = "false") boolean mine,
                      @RequestParam(defaultValue = "false") boolean breaching, RedirectAttributes flash, Locale locale) {
        try {
            var f = lists.save(name, new CaseLists.Filter(status, type, mine, breaching));
            flash.addFlashAttribute("flash", messages.getMessage("cases.filters.saved", new Object[]{f.name()}, locale));
            return "redirect:/cases?filter=" + f.id();
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            flash.addFlashAttribute("caseError", messages.getMessage(f.messageKey(), f.args(), locale));
            return "redirect:/cases";
        }
    }

    @PostMapping("/cases/insights/filters/{filterId}/delete")
    String deleteFilter(@PathVariable long filterId, RedirectAttributes flash, Locale locale) {
        try {
            lists.delete(filterId);
            flash.addFlashAttribute("flash", messages.getMessage("cases.filters.deleted", null, locale));
        } catch (NotFoundException e) {
            flash.addFlashAttribute("caseError", messages.getMessage("cases.filters.notFound", null, locale));
        }
        return "redirect:/cases";
    }

    /** The rows of the access policy table for these pages, and the launcher tiles. */
    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AccessRule.AccessRules caseInsightPageAccessRules() {
            return () -> List.of(
                    AccessRule.publicAccess("GET", "/complaint"),
                    AccessRule.publicAccess("POST", "/complaint"),
                    AccessRule.publicAccess("GET", "/complaint/received"),
                    AccessRule.roles("GET", "/cases/insights/dashboard", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("GET", "/cases/insights/hotspots", CaseInsightApiController.Access.ANALYSTS),
                    AccessRule.roles("POST", "/cases/*/attachments", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("POST", "/cases/insights/filters", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("POST", "/cases/insights/filters/*/delete", CaseApiController.Access.OFFICERS));
        }

        @Bean
        Workspace caseDashboardWorkspace() {
            return new Workspace("case-dashboard", "/cases/insights/dashboard", "speedometer2", 601,
                    Set.of(CaseApiController.Access.OFFICERS));
        }

        @Bean
        Workspace caseHotspotsWorkspace() {
            return new Workspace("case-hotspots", "/cases/insights/hotspots", "bar-chart", 602,
                    Set.of(CaseInsightApiController.Access.ANALYSTS));
        }
    }
}
