package org.fuwu.cases.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import org.fuwu.cases.CaseIntake;
import org.fuwu.cases.internal.CaseService;
import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.ConflictException;
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
 * The case pages: a teller (or anyone who takes complaints) records a case; the complaint officer's list with
 * the clocks and the KPIs, the case page with its clocks, timeline and actions, and the callbacks to make.
 * Each action posts, and the page comes back with what happened or why it was refused.
 */
@Controller
class CasePageController {

    private final CaseService cases;
    private final CustomerDirectory customers;
    private final MessageSource messages;
    private final CaseInsightPages insight;
    private final org.fuwu.cases.internal.CaseWorkflow workflow;

    CasePageController(CaseService cases, CustomerDirectory customers, MessageSource messages, CaseInsightPages insight,
                       org.fuwu.cases.internal.CaseWorkflow workflow) {
        this.cases = cases;
        this.customers = customers;
        this.messages = messages;
        this.insight = insight;
        this.workflow = workflow;
    }

    @GetMapping("/cases/new")
    String form(Model model) {
        insight.intakeForm(model);
        return "cases/new";
    }

    @PostMapping("/cases")
    String open(@RequestParam String type, @RequestParam(required = false) String mobile, @RequestParam String summary,
                @RequestParam(defaultValue = "BRANCH") String channel, @RequestParam(required = false) String requestKind,
                @RequestParam(required = false) String regulatorReference,
                @RequestParam(required = false) String regulatorReceivedOn,
                @RequestParam(value = "file", required = false) java.util.List<org.springframework.web.multipart.MultipartFile> files,
                RedirectAttributes flash, Locale locale) {
        try {
            Long customerId = null;
            if (mobile != null && !mobile.isBlank()) {
                customerId = customers.findByIdentity(IdentityKind.MOBILE, mobile).map(c -> c.id())
                        .orElseThrow(() -> FieldValidationException.of("mobile", "cases.validation.customer"));
            }
            var opened = insight.open(new CaseIntake.NewCase(type, customerId, summary, channel, null, null), requestKind,
                    regulatorReference, regulatorReceivedOn, null, null, null, null, files);
            flash.addFlashAttribute("flash", messages.getMessage("cases.page.opened", new Object[]{opened.number()}, locale));
            return "redirect:/cases/" + opened.id();
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            flash.addFlashAttribute("caseError", messages.getMessage(f.messageKey(), f.args(), locale));
            return "redirect:/cases/new";
        }
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean mine,
                @RequestParam(required = false) String type, @RequestParam(defaultValue = "false") boolean breaching,
                @RequestParam(required = false) Long filter, Model model) {
        var f = insight.listModel(model, status, type, mine, breaching, filter);
        model.addAttribute("status", f.status());
        model.addAttribute("mine", f.mine());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        model.addAttribute("kpis", cases.kpis(today.withDayOfMonth(1), today));
        model.addAttribute("callbacks", cases.callbacks("PENDING"));
        model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
        return "cases/list";
    }

    @GetMapping("/cases/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("c", cases.view(id));
        model.addAttribute("callback", cases.callbackOf(id).orElse(null));
        model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
        model.addAttribute("classification", cases.classification(id));
        model.addAttribute("suggestion", cases.suggest(id));
        model.addAttribute("businessCodes", cases.codes("BUSINESS"));
        model.addAttribute("causeCodes", cases.codes("CAUSE"));
        insight.caseModel(model, id);
        model.addAttribute("flow", workflow.workflow(id)); // the workflow panel (cases/workflow)
        model.addAttribute("officers", workflow.officers(id));
        return "cases/case";
    }

    static final Set<String> ACTIONS = Set.of("acknowledge", "pause", "resume", "extend", "approve", "decide", "close", "callback", "classify");

    @PostMapping("/cases/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String complexity, @RequestParam(required = false) String decision,
               @RequestParam(required = false) String outcome, @RequestParam(required = false) Integer satisfaction,
               @RequestParam(required = false) Long callbackId, @RequestParam(required = false) String businessCode,
               @RequestParam(required = false) String causeCode, @RequestParam(required = false) String severity,
               @RequestParam(defaultValue = "false") boolean groupComplaint,
               @RequestParam(required = false) Integer representatives, @RequestParam(required = false) String rootCauseCode,
               @RequestParam(required = false) String correctiveAction, RedirectAttributes flash, Locale locale) {
        try {
            switch (action) {
                case "acknowledge" -> cases.acknowledge(id);
                case "pause" -> cases.pause(id, reason);
                case "resume" -> cases.resume(id);
                case "extend" -> cases.extend(id, complexity, reason);
                case "approve" -> cases.approveExtension(id);
                case "decide" -> cases.decide(id, decision);
                case "close" -> insight.close(id, rootCauseCode, correctiveAction);
                case "callback" -> cases.callback(callbackId == null ? -1 : callbackId, outcome, satisfaction, reason);
                case "classify" -> cases.classify(id, businessCode, causeCode, severity, groupComplaint,
                        groupComplaint ? representatives : Integer.valueOf(0));
                default -> throw new org.fuwu.platform.NotFoundException("action", action);
            }
            flash.addFlashAttribute("flash", messages.getMessage("cases.page.done." + action, null, locale));
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            flash.addFlashAttribute("caseError", messages.getMessage(f.messageKey(), f.args(), locale));
        } catch (ConflictException e) {
            flash.addFlashAttribute("caseError", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/cases/" + id;
    }

    /** The pages' rows of the access policy table, and the launcher tiles. */
    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        org.fuwu.platform.AccessRule.AccessRules casePageAccessRules() {
            return () -> java.util.List.of(
                    org.fuwu.platform.AccessRule.roles("GET", "/cases/new", CaseApiController.Access.OPENERS),
                    org.fuwu.platform.AccessRule.roles("POST", "/cases", CaseApiController.Access.OPENERS),
                    org.fuwu.platform.AccessRule.roles("GET", "/cases", CaseApiController.Access.OFFICERS),
                    org.fuwu.platform.AccessRule.roles("GET", "/cases/*", CaseApiController.Access.READERS),
                    org.fuwu.platform.AccessRule.roles("POST", "/cases/*/approve", Role.SUPERVISOR, Role.ADMIN),
                    org.fuwu.platform.AccessRule.roles("POST", "/cases/*/*", CaseApiController.Access.OFFICERS));
        }

        @Bean
        Workspace casesWorkspace() {
            return new Workspace("cases", "/cases", "clipboard-check", 600, Set.of(CaseApiController.Access.OFFICERS));
        }

        @Bean
        Workspace newCaseWorkspace() {
            return new Workspace("case-new", "/cases/new", "megaphone", 605, Set.of(Role.TELLER, Role.LOBBY_MANAGER, Role.AGENT));
        }
    }
}
