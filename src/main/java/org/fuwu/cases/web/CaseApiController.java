package org.fuwu.cases.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.cases.CaseIntake;
import org.fuwu.cases.internal.CaseService;
import org.fuwu.cases.internal.CaseService.View;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cases API: open from any channel, read with clocks and timeline, and the officer's actions. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Service requests and complaints with their SLA and legal clocks")
class CaseApiController {

    record OpenInput(String type, Long customerId, String summary, String channel, Instant receivedAt, List<String> involvedStaff,
                     String requestKind, String regulatorReference, java.time.LocalDate regulatorReceivedOn, String contactName,
                     String contactMobile, String contactEmail, String branchCode) {

        @Override
        public String toString() {
            return "OpenInput[type=" + type + ", channel=" + channel + "]";
        }
    }

    record Reason(String reason) {
    }

    record Extension(String complexity, String reason) {
    }

    record Decision(String decision) {
    }

    private final CaseService cases;
    private final org.fuwu.cases.internal.IntakeService intake;

    CaseApiController(CaseService cases, org.fuwu.cases.internal.IntakeService intake) {
        this.cases = cases;
        this.intake = intake;
    }

    @PostMapping
    ResponseEntity<View> open(@RequestBody OpenInput in) {
        var opened = intake.open(new CaseIntake.NewCase(in.type(), in.customerId(), in.summary(), in.channel(), in.receivedAt(), null),
                in.involvedStaff(), new org.fuwu.cases.internal.IntakeRequirements.Details(in.requestKind(), in.regulatorReference(),
                        in.regulatorReceivedOn(), in.contactName(), in.contactMobile(), in.contactEmail()), in.branchCode(), List.of());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(cases.view(opened.id()));
    }

    @GetMapping
    List<View> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean mine) {
        return cases.list(status, mine);
    }

    @GetMapping("/{id}")
    View get(@PathVariable long id) {
        return cases.view(id);
    }

    @PostMapping("/{id}/acknowledge")
    View acknowledge(@PathVariable long id) {
        return cases.acknowledge(id);
    }

    @PostMapping("/{id}/pause")
    View pause(@PathVariable long id, @RequestBody Reason in) {
        return cases.pause(id, in.reason());
    }

    @PostMapping("/{id}/resume")
    View resume(@PathVariable long id) {
        return cases.resume(id);
    }

    @PostMapping("/{id}/extend")
    View extend(@PathVariable long id, @RequestBody Extension in) {
        return cases.extend(id, in.complexity(), in.reason());
    }

    @PostMapping("/{id}/extend/approve")
    View approve(@PathVariable long id) {
        return cases.approveExtension(id);
    }

    @PostMapping("/{id}/decide")
    View decide(@PathVariable long id, @RequestBody Decision in) {
        return cases.decide(id, in.decision());
    }

    @PostMapping("/{id}/close")
    View close(@PathVariable long id) {
        return cases.close(id);
    }

    @GetMapping("/kpis")
    CaseService.Kpis kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return cases.kpis(day(from, "from", today.withDayOfMonth(1)), day(to, "to", today));
    }

    static java.time.LocalDate day(String raw, String field, java.time.LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw org.fuwu.platform.FieldValidationException.of(field, "cases.validation.day");
        }
    }

    record CallbackInput(String outcome, Integer satisfaction, String note) {
    }

    record ClassifyInput(String businessCode, String causeCode, String severity, Boolean groupComplaint, Integer representatives) {
    }

    record CodeInput(String nameZh, String nameEn, List<String> keywords, Boolean active) {
    }

    @GetMapping("/{id}/classification-suggestion")
    CaseService.SuggestedClassification suggestion(@PathVariable long id) {
        return cases.suggest(id);
    }

    @GetMapping("/{id}/classification")
    org.fuwu.cases.internal.CaseStore.Classification classification(@PathVariable long id) {
        return cases.classification(id);
    }

    @PostMapping("/{id}/classify")
    View classify(@PathVariable long id, @RequestBody ClassifyInput in) {
        return cases.classify(id, in.businessCode(), in.causeCode(), in.severity(), Boolean.TRUE.equals(in.groupComplaint()),
                in.representatives());
    }

    @GetMapping("/codes/{kind}")
    List<org.fuwu.cases.internal.KeywordClassifier.Code> codes(@PathVariable String kind) {
        return cases.codes(kind);
    }

    @org.springframework.web.bind.annotation.PutMapping("/codes/{kind}/{code}")
    ResponseEntity<Void> putCode(@PathVariable String kind, @PathVariable String code, @RequestBody CodeInput in) {
        cases.putCode(kind, code, in.nameZh(), in.nameEn(), in.keywords(), in.active() == null || in.active());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/callbacks")
    List<org.fuwu.cases.internal.CaseStore.Callback> callbacks(@RequestParam(required = false) String status) {
        return cases.callbacks(status);
    }

    @PostMapping("/callbacks/{callbackId}")
    View callback(@PathVariable long callbackId, @RequestBody CallbackInput in) {
        return cases.callback(callbackId, in.outcome(), in.satisfaction(), in.note());
    }

    /** The cases API's rows of the access policy table. */
    @Configuration(proxyBeanMethods = false)
    static class Access {

        static final Role[] OPENERS = {Role.TELLER, Role.LOBBY_MANAGER, Role.AGENT, Role.COMPLAINT_OFFICER, Role.SUPERVISOR,
                Role.ADMIN};
        static final Role[] READERS = {Role.TELLER, Role.LOBBY_MANAGER, Role.AGENT, Role.COMPLAINT_OFFICER, Role.SUPERVISOR,
                Role.ADMIN, Role.QUALITY_MANAGER, Role.AUDITOR};
        static final Role[] OFFICERS = {Role.COMPLAINT_OFFICER, Role.SUPERVISOR, Role.ADMIN};
        static final Role[] KPI_READERS = {Role.COMPLAINT_OFFICER, Role.SUPERVISOR, Role.ADMIN, Role.QUALITY_MANAGER,
                Role.ANALYST, Role.AUDITOR};

        @Bean
        AccessRules caseAccessRules() {
            return () -> List.of(
                    AccessRule.roles("POST", "/api/v1/cases", OPENERS),
                    AccessRule.roles("GET", "/api/v1/cases", READERS),
                    AccessRule.roles("GET", "/api/v1/cases/kpis", KPI_READERS),
                    AccessRule.roles("GET", "/api/v1/cases/codes/*", READERS),
                    AccessRule.roles("PUT", "/api/v1/cases/codes/*/*", Role.ADMIN),
                    AccessRule.roles("GET", "/api/v1/cases/*/classification-suggestion", OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/*/classification", READERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/classify", OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/callbacks", OFFICERS),
                    AccessRule.roles("POST", "/api/v1/cases/callbacks/*", OFFICERS),
                    AccessRule.roles("GET", "/api/v1/cases/*", READERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/acknowledge", OFFICERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/pause", OFFICERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/resume", OFFICERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/extend", OFFICERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/extend/approve", Role.SUPERVISOR, Role.ADMIN),
                    AccessRule.roles("POST", "/api/v1/cases/*/decide", OFFICERS),
                    AccessRule.roles("POST", "/api/v1/cases/*/close", OFFICERS));
        }
    }
}
