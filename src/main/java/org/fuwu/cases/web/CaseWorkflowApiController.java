package org.fuwu.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.cases.internal.CaseNotices;
import org.fuwu.cases.internal.CaseWorkflow;
import org.fuwu.cases.internal.CaseWorkflow.Workflow;
import org.fuwu.cases.internal.NoticeTemplate;
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

/**
 * The workflow of a case: assignment, investigation (notes, tasks to other departments), notices to the customer
 * with their proof, the customer's acceptance or review, reopening and merging duplicates; and the notice templates.
 */
@RestController
@Tag(name = "Case workflow", description = "Assignment, investigation, notices, review, reopen and merge of cases")
class CaseWorkflowApiController {

    record AssignInput(Long officerId, Boolean auto) {
    }

    record NoteInput(String body) {
    }

    record TaskInput(String department, String responsible, String request, Instant dueAt) {
    }

    record ResultInput(String result) {
    }

    record NotifyInput(String kind, String channel) {
    }

    record ReasonInput(String reason) {
    }

    record DecisionInput(String decision) {
    }

    record MergeInput(Long duplicateId) {
    }

    record TemplateInput(String subject, String body) {
    }

    /** A queued notice and the workflow after it. */
    record Notified(long noticeId, Workflow workflow) {
    }

    private final CaseWorkflow workflow;
    private final CaseNotices notices;

    CaseWorkflowApiController(CaseWorkflow workflow, CaseNotices notices) {
        this.workflow = workflow;
        this.notices = notices;
    }

    private static <T> T body(T in) {
        if (in == null) {
            throw org.fuwu.platform.FieldValidationException.of("body", "cases.validation.body");
        }
        return in;
    }

    @Operation(summary = "The workflow of a case: team, officer, notes, tasks, notices with proof, review, merges")
    @GetMapping("/api/v1/cases/{id}/workflow")
    Workflow get(@PathVariable long id) {
        return workflow.workflow(id);
    }

    @Operation(summary = "The officers of the team, their open cases, and whether they are recused from this case")
    @GetMapping("/api/v1/cases/{id}/officers")
    List<CaseWorkflow.Officer> officers(@PathVariable long id) {
        return workflow.officers(id);
    }

    @Operation(summary = "Assign: {\"auto\":true} through the routing core, {\"officerId\":n} to an officer, {} back to the team")
    @PostMapping("/api/v1/cases/{id}/assign")
    Workflow assign(@PathVariable long id, @RequestBody(required = false) AssignInput in) {
        AssignInput a = in == null ? new AssignInput(null, false) : in;
        return workflow.assign(id, a.officerId(), Boolean.TRUE.equals(a.auto()));
    }

    @Operation(summary = "An internal investigation note")
    @PostMapping("/api/v1/cases/{id}/notes")
    Workflow note(@PathVariable long id, @RequestBody NoteInput in) {
        return workflow.addNote(id, body(in).body());
    }

    @Operation(summary = "A task to another department with its deadline and responsible person")
    @PostMapping("/api/v1/cases/{id}/tasks")
    Workflow task(@PathVariable long id, @RequestBody TaskInput in) {
        TaskInput t = body(in);
        return workflow.addTask(id, t.department(), t.responsible(), t.request(), t.dueAt());
    }

    @Operation(summary = "Completes a task with its result")
    @PostMapping("/api/v1/cases/{id}/tasks/{taskId}/complete")
    Workflow complete(@PathVariable long id, @PathVariable long taskId, @RequestBody ResultInput in) {
        return workflow.completeTask(id, taskId, body(in).result());
    }

    @Operation(summary = "Notice to the customer: kind ACKNOWLEDGEMENT, DECISION or REVIEW_DECISION by SMS, EMAIL or LETTER; "
            + "sent after the commit, the proof on the timeline")
    @PostMapping("/api/v1/cases/{id}/notify")
    ResponseEntity<Notified> notify(@PathVariable long id, @RequestBody NotifyInput in) {
        long n = notices.notify(id, body(in).kind(), in.channel());
        return ResponseEntity.accepted().body(new Notified(n, workflow.workflow(id)));
    }

    @Operation(summary = "Sends a notice that could not be delivered again")
    @PostMapping("/api/v1/cases/{id}/notices/{noticeId}/resend")
    Workflow resend(@PathVariable long id, @PathVariable long noticeId) {
        notices.resend(id, noticeId);
        return workflow.workflow(id);
    }

    @Operation(summary = "The customer accepts the decision")
    @PostMapping("/api/v1/cases/{id}/accept")
    Workflow accept(@PathVariable long id) {
        return workflow.accept(id);
    }

    @Operation(summary = "The customer asks for a review of the decision (CN: within 30 days; decided within 30 days)")
    @PostMapping("/api/v1/cases/{id}/review")
    Workflow review(@PathVariable long id, @RequestBody ReasonInput in) {
        return workflow.requestReview(id, body(in).reason());
    }

    @Operation(summary = "The review's decision (final)")
    @PostMapping("/api/v1/cases/{id}/review/decide")
    Workflow decideReview(@PathVariable long id, @RequestBody DecisionInput in) {
        return workflow.decideReview(id, body(in).decision());
    }

    @Operation(summary = "Reopens a closed case, with a reason")
    @PostMapping("/api/v1/cases/{id}/reopen")
    Workflow reopen(@PathVariable long id, @RequestBody ReasonInput in) {
        return workflow.reopen(id, body(in).reason());
    }

    @Operation(summary = "Merges a duplicate of the same customer into this case: the duplicate is closed as merged, linked")
    @PostMapping("/api/v1/cases/{id}/merge")
    Workflow merge(@PathVariable long id, @RequestBody MergeInput in) {
        return workflow.merge(id, body(in).duplicateId());
    }

    @Operation(summary = "The notice templates (zh-CN and en) with their variables")
    @GetMapping("/api/v1/case-notice-templates")
    Map<String, Object> templates() {
        return Map.of("variables", NoticeTemplate.VARIABLES.stream().sorted().toList(), "templates", notices.templates());
    }

    @Operation(summary = "Changes a notice template (administrators)")
    @PutMapping("/api/v1/case-notice-templates/{kind}/{channel}/{language}")
    NoticeTemplate putTemplate(@PathVariable String kind, @PathVariable String channel, @PathVariable String language,
                               @RequestBody TemplateInput in) {
        return notices.putTemplate(kind, channel, language, body(in).subject(), in.body());
    }

    /** The workflow API's rows of the access policy table. */
    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        AccessRules caseWorkflowAccessRules() {
            Role[] officers = CaseApiController.Access.OFFICERS;
            return () -> List.of(
                    AccessRule.roles("GET", "/api/v1/cases/*/workflow", CaseApiController.Access.READERS),
                    AccessRule.roles("GET", "/api/v1/cases/*/officers", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/assign", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/notes", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/tasks", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/tasks/*/complete", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/notify", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/notices/*/resend", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/accept", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/review", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/review/decide", officers),
                    AccessRule.roles("POST", "/api/v1/cases/*/reopen", Role.SUPERVISOR, Role.ADMIN, Role.COMPLAINT_OFFICER),
                    AccessRule.roles("POST", "/api/v1/cases/*/merge", officers),
                    AccessRule.roles("GET", "/api/v1/case-notice-templates", officers),
                    AccessRule.roles("PUT", "/api/v1/case-notice-templates/*/*/*", Role.ADMIN));
        }
    }
}
