package org.fuwu.cases.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.fuwu.cases.internal.CaseNotices;
import org.fuwu.cases.internal.CaseService;
import org.fuwu.cases.internal.CaseWorkflow;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow buttons of the case page (the panel {@code cases/workflow}): each posts here and the case page comes
 * back with what happened or why it was refused; and the printable letter of a notice.
 */
@Controller
class CaseWorkflowPageController {

    private final CaseWorkflow workflow;
    private final CaseNotices notices;
    private final CaseService cases;
    private final MessageSource messages;
    private final ZoneId zone;

    CaseWorkflowPageController(CaseWorkflow workflow, CaseNotices notices, CaseService cases, MessageSource messages,
                               @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone) {
        this.workflow = workflow;
        this.notices = notices;
        this.cases = cases;
        this.messages = messages;
        this.zone = zone;
    }

    @PostMapping("/cases/{id}/flow/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String officer,
               @RequestParam(required = false) String body, @RequestParam(required = false) String department,
               @RequestParam(required = false) String responsible, @RequestParam(required = false) String request,
               @RequestParam(required = false) String due, @RequestParam(required = false) Long taskId,
               @RequestParam(required = false) String result, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String channel, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String decision, @RequestParam(required = false) String duplicate,
               RedirectAttributes flash, Locale locale) {
        try {
            switch (action) {
                case "assign" -> {
                    if ("auto".equals(officer)) {
                        workflow.assign(id, null, true);
                    } else if (officer == null || officer.isBlank() || "team".equals(officer)) {
                        workflow.assign(id, null, false);
                    } else {
                        workflow.assign(id, parseId(officer, "officerId"), false);
                    }
                }
                case "note" -> workflow.addNote(id, body);
                case "task" -> workflow.addTask(id, department, responsible, request, dueAt(due));
                case "complete" -> workflow.completeTask(id, taskId == null ? -1 : taskId, result);
                case "notify" -> notices.notify(id, kind, channel);
                case "accept" -> workflow.accept(id);
                case "review" -> workflow.requestReview(id, reason);
                case "review-decide" -> workflow.decideReview(id, decision);
                case "reopen" -> workflow.reopen(id, reason);
                case "merge" -> workflow.merge(id, duplicateId(duplicate));
                default -> throw new NotFoundException("action", action);
            }
            flash.addFlashAttribute("flash", messages.getMessage("cases.flow.done." + action, null, locale));
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            flash.addFlashAttribute("caseError", messages.getMessage(f.messageKey(), f.args(), locale));
        } catch (ConflictException e) {
            flash.addFlashAttribute("caseError", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/cases/" + id;
    }

    private static long parseId(String raw, String field) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw FieldValidationException.of(field, "cases.validation.officer");
        }
    }

    private java.time.Instant dueAt(String raw) {
        if (raw == null || raw.isBlank()) {
            throw FieldValidationException.of("dueAt", "cases.validation.taskDue");
        }
        try {
            return LocalDateTime.parse(raw.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw FieldValidationException.of("dueAt", "cases.validation.taskDue");
        }
    }

    /** The duplicate by its number (TS2026000123) or id. */
    private Long duplicateId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw FieldValidationException.of("duplicateId", "cases.validation.duplicate");
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return workflow.idOfNumber(s).orElseThrow(() -> FieldValidationException.of("duplicateId", "cases.validation.duplicate"));
    }

    @GetMapping("/cases/{id}/notices/{noticeId}/letter")
    String letter(@PathVariable long id, @PathVariable long noticeId, Model model) {
        model.addAttribute("n", notices.notice(id, noticeId));
        model.addAttribute("number", cases.view(id).number());
        model.addAttribute("zone", zone);
        return "cases/letter";
    }

    /** The workflow pages' rows of the access policy table. */
    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AccessRule.AccessRules caseWorkflowPageAccessRules() {
            return () -> List.of(
                    AccessRule.roles("POST", "/cases/*/flow/*", CaseApiController.Access.OFFICERS),
                    AccessRule.roles("GET", "/cases/*/notices/*/letter", CaseApiController.Access.OFFICERS));
        }
    }
}
