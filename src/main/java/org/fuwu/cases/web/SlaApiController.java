package org.fuwu.cases.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.cases.internal.EscalationRule;
import org.fuwu.cases.internal.EscalationTimers;
import org.fuwu.cases.internal.SlaPolicy;
import org.fuwu.cases.internal.SlaService;
import org.fuwu.cases.internal.SlaStore;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SLA policies, escalation rules and level holders (administrators), and the escalations of a case and of me. */
@RestController
@Tag(name = "Case SLA and escalation", description = "SLA policies by type, severity and segment; escalation rules, "
        + "the holders of the escalation levels, and the escalations")
class SlaApiController {

    record PolicyInput(SlaService.Target firstResponse, SlaService.Target nextUpdate, SlaService.Target resolution,
                       Boolean active) {
    }

    record HoldersInput(List<String> usernames) {
    }

    private final SlaService sla;
    private final EscalationTimers timers;
    SlaApiController(SlaService sla, EscalationTimers timers) {
        this.sla = sla;
        this.timers = timers;
    }

    @GetMapping("/api/v1/case-sla/policies")
    @Operation(summary = "The SLA policies, the most specific matching one applies to a case")
    List<SlaPolicy> policies() {
        return sla.policies();
    }

    @PutMapping("/api/v1/case-sla/policies/{caseType}/{severity}/{segment}")
    @Operation(summary = "Adds or changes the policy of a case type, severity and segment (ANY for every value)")
    SlaPolicy putPolicy(@PathVariable String caseType, @PathVariable String severity, @PathVariable String segment,
                        @RequestBody PolicyInput in) {
        return sla.putPolicy(caseType, severity, segment, in.firstResponse(), in.nextUpdate(), in.resolution(),
                in.active() == null || in.active());
    }

    @GetMapping("/api/v1/case-sla/rules")
    @Operation(summary = "The escalation rules")
    List<EscalationRule> rules() {
        return sla.rules();
    }

    @PostMapping("/api/v1/case-sla/rules")
    @Operation(summary = "Adds an escalation rule")
    ResponseEntity<EscalationRule> addRule(@RequestBody SlaService.RuleInput in) {
        EscalationRule r = sla.addRule(in);
        return ResponseEntity.created(URI.create("/api/v1/case-sla/rules/" + r.id())).body(r);
    }

    @PutMapping("/api/v1/case-sla/rules/{id}")
    @Operation(summary = "Changes an escalation rule (active=false turns it off)")
    EscalationRule changeRule(@PathVariable long id, @RequestBody SlaService.RuleInput in) {
        return sla.changeRule(id, in);
    }

    @GetMapping("/api/v1/case-sla/holders")
    @Operation(summary = "Who holds each escalation level, per branch, region or BANK")
    List<SlaStore.Holder> holders() {
        return sla.holders();
    }

    @PutMapping("/api/v1/case-sla/holders/{level}/{scope}")
    @Operation(summary = "Names the holders of a level in a branch, a region or BANK (an empty list removes them)")
    List<SlaStore.Holder> putHolders(@PathVariable String level, @PathVariable String scope, @RequestBody HoldersInput in) {
        return sla.putHolders(level, scope, in.usernames());
    }

    @GetMapping("/api/v1/cases/{id}/escalations")
    @Operation(summary = "A case's priority, its escalations and its escalation timers")
    EscalationTimers.CaseEscalations ofCase(@PathVariable long id) {
        return timers.ofCase(id);
    }

    @GetMapping("/api/v1/case-escalations")
    @Operation(summary = "My unread escalation notices")
    List<SlaStore.Escalation> mine() {
        return sla.myNotices();
    }

    @PostMapping("/api/v1/case-escalations/{noticeId}/read")
    @Operation(summary = "Marks one of my escalation notices read")
    ResponseEntity<Void> read(@PathVariable long noticeId) {
        sla.markRead(noticeId);
        return ResponseEntity.noContent().build();
    }

    /** The rows of the access policy table. */
    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        AccessRules caseSlaAccessRules() {
            Role[] staff = CaseApiController.Access.READERS;
            Role[] slaReaders = {Role.COMPLAINT_OFFICER, Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR};
            return () -> List.of(
                    AccessRule.roles("GET", "/api/v1/case-sla/policies", slaReaders),
                    AccessRule.roles("PUT", "/api/v1/case-sla/policies/*/*/*", Role.ADMIN),
                    AccessRule.roles("GET", "/api/v1/case-sla/rules", slaReaders),
                    AccessRule.roles("POST", "/api/v1/case-sla/rules", Role.ADMIN),
                    AccessRule.roles("PUT", "/api/v1/case-sla/rules/*", Role.ADMIN),
                    AccessRule.roles("GET", "/api/v1/case-sla/holders", slaReaders),
                    AccessRule.roles("PUT", "/api/v1/case-sla/holders/*/*", Role.ADMIN),
                    AccessRule.roles("GET", "/api/v1/cases/*/escalations", staff),
                    AccessRule.roles("GET", "/api/v1/case-escalations", staff),
                    AccessRule.roles("POST", "/api/v1/case-escalations/*/read", staff));
        }
    }
}
