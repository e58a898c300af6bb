package org.fuwu.cases.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fuwu.cases.internal.EscalationTimers;
import org.fuwu.cases.internal.SlaService;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA administration page (policies, escalation rules, level holders) and the escalation panels: my unread
 * escalations on the cases page, and a case's priority, escalations and timers on its page (both loaded by htmx).
 */
@Controller
class SlaPageController {

    private final SlaService sla;
    private final EscalationTimers timers;
    private final MessageSource messages;

    SlaPageController(SlaService sla, EscalationTimers timers, MessageSource messages) {
        this.sla = sla;
        this.timers = timers;
        this.messages = messages;
    }

    @GetMapping("/case-sla")
    String admin(Model model) {
        model.addAttribute("policies", sla.policies());
        model.addAttribute("rules", sla.rules());
        model.addAttribute("holders", sla.holders());
        model.addAttribute("units", Arrays.stream(org.fuwu.cases.internal.ClockRule.Unit.values()).map(Enum::name).toList());
        return "cases/sla";
    }

    @PostMapping("/case-sla/policies")
    String putPolicy(@RequestParam String caseType, @RequestParam String severity, @RequestParam String segment,
                     @RequestParam(required = false) Integer firstResponseAmount, @RequestParam String firstResponseUnit,
                     @RequestParam(required = false) Integer nextUpdateAmount, @RequestParam String nextUpdateUnit,
                     @RequestParam(required = false) Integer resolutionAmount, @RequestParam String resolutionUnit,
                     @RequestParam(defaultValue = "false") boolean active, RedirectAttributes flash, Locale locale) {
        return run(flash, locale, () -> sla.putPolicy(caseType, severity, segment,
                new SlaService.Target(firstResponseAmount, firstResponseUnit), new SlaService.Target(nextUpdateAmount, nextUpdateUnit),
                new SlaService.Target(resolutionAmount, resolutionUnit), active));
    }

    @PostMapping("/case-sla/rules")
    String addRule(@RequestParam(required = false) Long id, @RequestParam String clock, @RequestParam String caseType,
                   @RequestParam String severity, @RequestParam String segment, @RequestParam(required = false) Integer percent,
                   @RequestParam String action, @RequestParam String level, @RequestParam(defaultValue = "false") boolean active,
                   RedirectAttributes flash, Locale locale) {
        SlaService.RuleInput in = new SlaService.RuleInput(clock, caseType, severity, segment, percent, action, level, active);
        return run(flash, locale, () -> {
            if (id == null) {
                sla.addRule(in);
            } else {
                sla.changeRule(id, in);
            }
        });
    }

    @PostMapping("/case-sla/holders")
    String putHolders(@RequestParam String level, @RequestParam String scope, @RequestParam(defaultValue = "") String usernames,
                      RedirectAttributes flash, Locale locale) {
        List<String> names = Arrays.stream(usernames.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        return run(flash, locale, () -> sla.putHolders(level, scope, names));
    }

    private String run(RedirectAttributes flash, Locale locale, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("flash", messages.getMessage("cases.sla.saved", null, locale));
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            flash.addFlashAttribute("slaError", f.field() + ": " + messages.getMessage(f.messageKey(), f.args(), locale));
        } catch (org.fuwu.platform.NotFoundException e) {
            flash.addFlashAttribute("slaError", messages.getMessage("cases.sla.notFound", null, locale));
        }
        return "redirect:/case-sla";
    }

    @GetMapping("/case-escalations/panel")
    String panel(Model model) {
        model.addAttribute("notices", sla.myNotices());
        model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
        return "cases/escalations :: panel";
    }

    @PostMapping("/case-escalations/{noticeId}/read")
    String read(@PathVariable long noticeId) {
        sla.markRead(noticeId);
        return "redirect:/cases";
    }

    @GetMapping("/case-escalations/case/{id}")
    String ofCase(@PathVariable long id, Model model) {
        model.addAttribute("e", timers.ofCase(id));
        model.addAttribute("policy", sla.policyOf(id).orElse(null));
        model.addAttribute("context", sla.contextOf(id));
        model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
        return "cases/escalations :: ofCase";
    }

    /** The pages' rows of the access policy table, and the administrator's tile. */
    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AccessRule.AccessRules caseSlaPageAccessRules() {
            return () -> List.of(
                    AccessRule.roles("GET", "/case-sla", Role.ADMIN),
                    AccessRule.roles("POST", "/case-sla/*", Role.ADMIN),
                    AccessRule.roles("GET", "/case-escalations/panel", CaseApiController.Access.READERS),
                    AccessRule.roles("POST", "/case-escalations/*/read", CaseApiController.Access.READERS),
                    AccessRule.roles("GET", "/case-escalations/case/*", CaseApiController.Access.READERS));
        }

        @Bean
        Workspace caseSlaWorkspace() {
            return new Workspace("case-sla", "/case-sla", "alarm", 610, Set.of(Role.ADMIN));
        }
    }
}
