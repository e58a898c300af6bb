package org.fuwu.cases.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.cases.internal.CaseAttachments;
import org.fuwu.cases.internal.CaseLists;
import org.fuwu.cases.internal.CaseService;
import org.fuwu.cases.internal.CaseStatistics;
import org.fuwu.cases.internal.InsightStore;
import org.fuwu.cases.internal.IntakeService;
import org.fuwu.cases.internal.KeywordClassifier;
import org.fuwu.cases.internal.RootCauses;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The cases API beyond the workflow: intake details, attachments, root cause and closure with it, the customer's
 * other cases, the officer's lists, saved filters and dashboard, hotspots and the regulator's report.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Service requests and complaints with their SLA and legal clocks")
class CaseInsightApiController {

    record RootCauseInput(String rootCauseCode, String correctiveAction) {
    }

    record FilterInput(String name, String status, String type, Boolean mine, Boolean breaching) {
    }

    record Related(List<InsightStore.Related> cases) {
    }

    private final IntakeService intake;
    private final CaseAttachments attachments;
    private final RootCauses rootCauses;
    private final CaseLists lists;
    private final CaseStatistics statistics;
    private final Clock clock;
    private final ZoneId zone;

    CaseInsightApiController(IntakeService intake, CaseAttachments attachments, RootCauses rootCauses, CaseLists lists,
                             CaseStatistics statistics, Clock clock,
                             @org.springframework.beans.factory.annotation.Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone) {
        this.intake = intake;
        this.attachments = attachments;
        this.rootCauses = rootCauses;
        this.lists = lists;
        this.statistics = statistics;
        this.clock = clock;
        this.zone = zone;
    }

    @Operation(summary = "A case's intake details: request kind, regulator's reference, contact details (masked), branch")
    @GetMapping("/{id}/intake")
    IntakeService.Shown intake(@PathVariable long id) {
        return intake.shown(id);
    }

    @Operation(summary = "Attach an image or PDF to a case (by its first bytes, at most 3 MB, encrypted at rest)")
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<CaseAttachments.Meta>> upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file) {
        long aid = attachments.add(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                bytes(file));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/attachments/" + aid)).body(attachments.list(id));
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null) {
            throw FieldValidationException.of("file", "cases.validation.fileEmpty");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw FieldValidationException.of("file", "cases.validation.fileEmpty");
        }
    }

    @Operation(summary = "A case's attachments (names, types, sizes)")
    @GetMapping("/{id}/attachments")
    List<CaseAttachments.Meta> attachments(@PathVariable long id) {
        return attachments.list(id);
    }

    @Operation(summary = "Download an attachment (always as a download, nosniff, sandboxed)")
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        var f = attachments.get(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, no-store")
                .body(f.content());
    }

    @Operation(summary = "The root-cause categories (溯源整改), zh and en")
    @GetMapping("/insights/root-causes")
    List<KeywordClassifier.Code> rootCauseCodes() {
        return rootCauses.codes();
    }

    @Operation(summary = "Record a complaint's root cause and corrective action (before closing it)")
    @PostMapping("/{id}/root-cause")
    RootCauses.Shown rootCause(@PathVariable long id, @RequestBody RootCauseInput in) {
        rootCauses.record(id, in.rootCauseCode(), in.correctiveAction());
        return rootCauses.of(id);
    }

    @Operation(summary = "A complaint's root cause and corrective action, or 204 when none is recorded")
    @GetMapping("/{id}/root-cause")
    ResponseEntity<RootCauses.Shown> rootCauseOf(@PathVariable long id) {
        var r = rootCauses.of(id);
        return r == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(r);
    }

    @Operation(summary = "Record the root cause and close the complaint in one step")
    @PostMapping("/{id}/close-with-root-cause")
    CaseService.View closeWithRootCause(@PathVariable long id, @RequestBody RootCauseInput in) {
        return rootCauses.closeWith(id, in.rootCauseCode(), in.correctiveAction());
    }

    @Operation(summary = "The other cases of this case's customer")
    @GetMapping("/{id}/related")
    Related related(@PathVariable long id) {
        return new Related(lists.related(id));
    }

    @Operation(summary = "Cases by filter: status, type, mine, breaching soon; or a saved filter by its id")
    @GetMapping("/insights/list")
    List<CaseService.View> list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
                                @RequestParam(defaultValue = "false") boolean mine,
                                @RequestParam(defaultValue = "false") boolean breaching,
                                @RequestParam(required = false) Long filter) {
        if (filter != null) {
            var f = lists.filter(filter);
            return lists.list(new CaseLists.Filter(f.status(), f.type(), f.mine(), f.breaching()));
        }
        return lists.list(CaseLists.normalise(status, type, mine, breaching));
    }

    @Operation(summary = "The complaint officer's dashboard: due today, breached, awaiting approval")
    @GetMapping("/insights/dashboard")
    CaseLists.Dashboard dashboard() {
        return lists.dashboard();
    }

    @Operation(summary = "The current user's saved filters")
    @GetMapping("/insights/filters")
    List<InsightStore.SavedFilter> filters() {
        return lists.filters();
    }

    @Operation(summary = "Save a named filter for the current user")
    @PostMapping("/insights/filters")
    ResponseEntity<InsightStore.SavedFilter> saveFilter(@RequestBody FilterInput in) {
        var f = lists.save(in.name(), new CaseLists.Filter(in.status(), in.type(), Boolean.TRUE.equals(in.mine()),
                Boolean.TRUE.equals(in.breaching())));
        return ResponseEntity.status(HttpStatus.CREATED).body(f);
    }

    @Operation(summary = "Delete one of the current user's saved filters")
    @DeleteMapping("/insights/filters/{filterId}")
    ResponseEntity<Void> deleteFilter(@PathVariable long filterId) {
        lists.delete(filterId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Hotspots of a week, month or quarter: top causes, root causes, products, branches, repeat rate, trend")
    @GetMapping("/insights/hotspots")
    CaseStatistics.Hotspots hotspots(@RequestParam(defaultValue = "MONTH") String period, @RequestParam(required = false) String day) {
        return statistics.hotspots(period, CaseApiController.day(day, "day", LocalDate.now(clock.withZone(zone))));
    }

    @Operation(summary = "The regulator's statistics by business type × cause × channel × region, as CSV or XLSX (audited)")
    @GetMapping("/insights/regulator-report")
    ResponseEntity<byte[]> regulatorReport(@RequestParam(defaultValue = "QUARTER") String period,
                                           @RequestParam(required = false) String day,
                                           @RequestParam(defaultValue = "csv") String format, Locale locale) {
        LocalDate d = CaseApiController.day(day, "day", LocalDate.now(clock.withZone(zone)));
        boolean zh = locale.getLanguage().equals("zh");
        String f = format.strip().toLowerCase(Locale.ROOT);
        var p = org.fuwu.cases.internal.ReportPeriod.of(period, d);
        String name = "complaints-" + p.first() + "-" + p.last();
        return switch (f) {
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .header("X-Content-Type-Options", "nosniff").body(statistics.regulatorCsv(period, d, zh));
            case "xlsx" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"")
                    .header("X-Content-Type-Options", "nosniff").body(statistics.regulatorXlsx(period, d, zh));
            default -> throw FieldValidationException.of("format", "cases.validation.format");
        };
    }

    /** The rows of the access policy table for these endpoints (no path here overlaps another row of the cases API). */
    @Configuration(proxyBeanMethods = false)
    static class Access {

        static final Role[] ANALYSTS = {Role.COMPLAINT_OFFICER, Role.SUPERVISOR, Role.ADMIN, Role.QUALITY_MANAGER, Role.ANALYST,
                Role.AUDITOR};

        @Bean
        AccessRules caseInsightAccessRules() {
            return () -> List.of(
                    AccessRule.roles("GET", "/api/v1/cases/*/intake", CaseApiController.Access.READERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/attachments", CaseApiController.Access.OPENERS),
                    AccessRule.roles("GET", "/api/v1/cases/*/attachments", CaseApiController.Access.READERS),
                    AccessRule.roles("GET", "/api/v1/cases/*/attachments/*", CaseApiController.Access.READERS),
                    AccessRule.roles("GET", "/api/v1/cases/insights/root-causes", CaseApiController.Access.READERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/root-cause", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/*/root-cause", CaseApiController.Access.READERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/close-with-root-cause", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/*/related", CaseApiController.Access.READERS),
                    AccessRule.roles("GET", "/api/v1/cases/insights/list", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/insights/dashboard", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/insights/filters", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("POST", "/api/v1/cases/insights/filters", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("DELETE", "/api/v1/cases/insights/filters/*", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/insights/hotspots", ANALYSTS),
                    AccessRule.roles("GET", "/api/v1/cases/insights/regulator-report", ANALYSTS));
        }
    }
}
