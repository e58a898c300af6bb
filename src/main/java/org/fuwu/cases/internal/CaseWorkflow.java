package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fuwu.cases.CaseOpened;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.Role;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.staff.AgentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workflow around a case's clocks (issue 5, point 4): assignment to the team or an officer through the routing
 * core ({@link AssignmentPolicy}), automatic on opening when {@code fuwu.cases.auto-assign} is on; investigation notes
 * and tasks to other departments, each with its deadline and a responsible person (a case is not decided while a task
 * is open); the customer's acceptance or review of the decision ({@link ReviewPolicy}); reopening a closed case with
 * a reason, and merging a duplicate into its survivor. Every step is checked against the stored state (409), put on
 * the timeline and audited.
 */
@Service
public class CaseWorkflow {

    /** A task as staff see it: its request and result decrypted, and whether it is overdue now. */
    public record TaskView(long id, String department, String responsible, String request, Instant dueAt, String status,
                           String result, String createdBy, Instant createdAt, String doneBy, Instant doneAt, boolean overdue) {
    }

    /** A note as staff see it. */
    public record NoteView(long id, String body, String author, Instant at) {
    }

    /** A notice as staff see it: the proof of what was sent to which masked address, when, and the result. */
    public record NoticeView(long id, String kind, String channel, String language, String maskedAddress, String subject,
                             String body, String status, int attempts, String result, Instant sentAt, String createdBy,
                             Instant createdAt) {
    }

    /** A case's review: until when it may be asked, and once asked its clock. */
    public record ReviewView(boolean available, Instant requestUntil, Instant requestedAt, Instant dueAt, String state,
                             Instant decidedAt) {
    }

    /** An officer the case may be assigned to. */
    public record Officer(long accountId, String username, String name, int openCases, boolean recused) {
    }

    /** The workflow of a case: team and officer, notes, tasks, notices, the review, acceptance, merges. */
    public record Workflow(long caseId, String number, String status, String team, Long officerId, String officerName,
                           List<NoteView> notes, List<TaskView> tasks, int openTasks, List<NoticeView> notices,
                           ReviewView review, Instant customerAcceptedAt, Long mergedInto, String mergedIntoNumber,
                           List<Map.Entry<Long, String>> mergedFrom, int reopenedCount) {
    }

    private final CaseService cases;
    private final CaseStore store;
    private final WorkflowStore flow;
    private final AgentDirectory agents;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final BusinessCalendars calendars;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String team;
    private final boolean autoAssign;
    private final AssignmentPolicy policy;
    private final String calendarCode;
    private final ZoneId zone;

    CaseWorkflow(CaseService cases, CaseStore store, WorkflowStore flow, AgentDirectory agents, PersonalData personalData,
                 AuditLog audit, BusinessCalendars calendars, Clock clock, PlatformTransactionManager txManager,
                 @Value("${fuwu.cases.team:complaints}") String team,
                 @Value("${fuwu.cases.auto-assign:false}") boolean autoAssign,
                 @Value("${fuwu.cases.max-open-per-officer:30}") int maxOpen,
                 @Value("${fuwu.cases.calendar:CN}") String calendarCode,
                 @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone) {
        this.cases = cases;
        this.store = store;
        this.flow = flow;
        this.agents = agents;
        this.personalData = personalData;
        this.audit = audit;
        this.calendars = calendars;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.team = team;
        this.autoAssign = autoAssign;
        this.policy = new AssignmentPolicy(maxOpen);
        this.calendarCode = calendarCode;
        this.zone = zone;
    }

    private static String actor() {
        return CurrentStaff.find().map(StaffPrincipal::auditName).orElse("system");
    }

    private String enc(String s) {
        return personalData.encrypt(s);
    }

    private String dec(String s) {
        return s == null ? null : personalData.decrypt(s);
    }

    // ---- assignment

    /** Who may not take a case: the staff it names, and for a complaint whoever recorded it (by login). */
    Set<String> recused(CaseRecord r) {
        Set<String> out = new HashSet<>(store.involved(r.id()));
        if (r.type().equals("COMPLAINT") || r.type().equals("REGULATOR_COMPLAINT")) {
            String by = r.createdBy();
            int token = by.indexOf("/token:");
            out.add((token < 0 ? by : by.substring(0, token)).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private List<AssignmentPolicy.Candidate> team() {
        List<AgentDirectory.AgentProfile> officers = agents.withRole(Role.COMPLAINT_OFFICER).stream()
                .filter(AgentDirectory.AgentProfile::enabled).toList();
        Map<Long, Integer> open = flow.openCases(officers.stream().map(AgentDirectory.AgentProfile::accountId).toList());
        return officers.stream().map(p -> new AssignmentPolicy.Candidate(p.accountId(), p.username().toLowerCase(Locale.ROOT),
                p.displayName(), p.skills(), open.getOrDefault(p.accountId(), 0))).toList();
    }

    /** The officers of the team with their workload, and whether they are recused from this case. */
    public List<Officer> officers(long caseId) {
        CaseRecord r = cases.get(caseId);
        Set<String> recused = recused(r);
        return team().stream().map(c -> new Officer(c.accountId(), c.username(), c.name(), c.openCases(),
                recused.contains(c.username()))).toList();
    }

    /** The skill the case's business type needs: the confirmed classification, else the suggestion from its text. */
    SkillRequirement need(CaseRecord r) {
        String business = store.classification(r.id()).businessCode();
        if (business == null) {
            business = KeywordClassifier.suggest(personalData.decrypt(r.summaryEnc()), store.codes("BUSINESS"))
                    .map(KeywordClassifier.Suggestion::code).orElse(null);
        }
        return flow.skillOf(business).orElse(null);
    }

    /** Opening a case assigns it at once when {@code fuwu.cases.auto-assign} is on (in the opening's transaction). */
    @EventListener
    void onOpened(CaseOpened e) {
        if (autoAssign) {
            autoAssign(e.caseId(), "OPENED");
        }
    }

    private AssignmentPolicy.Choice autoAssign(long caseId, String why) {
        CaseRecord r = cases.get(caseId);
        AssignmentPolicy.Choice choice = policy.choose(team, r.number(), need(r), team(), recused(r), clock.instant());
        flow.assign(caseId, team, choice.officerId());
        store.event(caseId, choice.officerId() == null ? "ASSIGNED_TEAM" : "ASSIGNED", actor(), enc(choice.explanation()),
                clock.instant());
        audit.success("cases.case.assign", "case:" + caseId, Map.of("team", team, "officer",
                String.valueOf(choice.officerId()), "by", why));
        return choice;
    }

    /**
     * Assigns a case: {@code auto} through the policy, an officer of the team by account id (409 when recused, 422 when
     * not an enabled officer of the team), or back to the team (neither). 409 once closed.
     */
    public Workflow assign(long caseId, Long officerId, boolean auto) {
        tx.executeWithoutResult(s -> {
            CaseRecord r = cases.get(caseId);
            if (r.status().equals("CLOSED")) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            if (auto) {
                autoAssign(caseId, "action");
                return;
            }
            String detail;
            if (officerId == null) {
                detail = "back to the team " + team;
            } else {
                AssignmentPolicy.Candidate c = team().stream().filter(o -> o.accountId() == officerId).findFirst()
                        .orElseThrow(() -> FieldValidationException.of("officerId", "cases.validation.officer"));
                if (recused(r).contains(c.username())) {
                    throw new ConflictException("cases.conflict.recusalAssign", r.number(), c.name());
                }
                detail = "assigned " + r.number() + " to " + c.name() + " by " + actor() + " (" + c.openCases() + " open cases)";
            }
            if (!flow.assign(caseId, team, officerId)) {
                throw new ConflictException("cases.conflict.status", r.number(), "CLOSED");
            }
            store.event(caseId, officerId == null ? "ASSIGNED_TEAM" : "ASSIGNED", actor(), enc(detail), clock.instant());
            audit.success("cases.case.assign", "case:" + caseId, Map.of("team", team, "officer", String.valueOf(officerId)));
        });
        return workflow(caseId);
    }

    // ---- investigation

    public Workflow addNote(long caseId, String body) {
        if (body == null || body.isBlank() || body.length() > 4000) {
            throw FieldValidationException.of("body", "cases.validation.note");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = notClosed(caseId);
            Instant now = clock.instant();
            flow.addNote(caseId, enc(body.strip()), actor(), now);
            store.event(caseId, "NOTE", actor(), null, now);
            audit.success("cases.case.note", "case:" + caseId, Map.of("number", r.number()));
        });
        return workflow(caseId);
    }

    /** A task to another department with its deadline (in the future, at most a year) and a responsible person. */
    public Workflow addTask(long caseId, String department, String responsible, String request, Instant dueAt) {
        if (department == null || department.isBlank() || department.strip().length() > 60) {
            throw FieldValidationException.of("department", "cases.validation.department");
        }
        if (responsible == null || responsible.isBlank() || responsible.strip().length() > 100) {
            throw FieldValidationException.of("responsible", "cases.validation.responsible");
        }
        if (request == null || request.isBlank() || request.length() > 2000) {
            throw FieldValidationException.of("request", "cases.validation.taskRequest");
        }
        Instant now = clock.instant();
        if (dueAt == null || !dueAt.isAfter(now) || dueAt.isAfter(now.plus(Duration.ofDays(366)))) {
            throw FieldValidationException.of("dueAt", "cases.validation.taskDue");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = notClosed(caseId);
            if (r.status().equals("DECIDED")) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            long id = flow.addTask(caseId, department.strip(), responsible.strip(), enc(request.strip()), dueAt, actor(), now);
            store.event(caseId, "TASK_CREATED", actor(), enc("#" + id + " " + department.strip() + " · " + responsible.strip()
                    + " · due " + dueAt.atZone(zone).toLocalDateTime()), now);
            audit.success("cases.case.task.create", "case:" + caseId, Map.of("task", String.valueOf(id), "department",
                    department.strip()));
        });
        return workflow(caseId);
    }

    public Workflow completeTask(long caseId, long taskId, String result) {
        if (result == null || result.isBlank() || result.length() > 4000) {
            throw FieldValidationException.of("result", "cases.validation.taskResult");
        }
        WorkflowStore.Task t = flow.task(taskId).filter(x -> x.caseId() == caseId)
                .orElseThrow(() -> new NotFoundException("task", taskId));
        tx.executeWithoutResult(s -> {
            CaseRecord r = cases.get(caseId);
            Instant now = clock.instant();
            if (!flow.completeTask(taskId, enc(result.strip()), actor(), now)) {
                throw new ConflictException("cases.conflict.taskDone", r.number(), String.valueOf(taskId));
            }
            store.event(caseId, "TASK_COMPLETED", actor(), enc("#" + taskId + " " + t.department()
                    + (now.isAfter(t.dueAt()) ? " (late)" : "")), now);
            audit.success("cases.case.task.complete", "case:" + caseId, Map.of("task", String.valueOf(taskId)));
        });
        return workflow(caseId);
    }

    /**
     * The rule chosen for deciding: a case is not decided while a task to another department is open (409), since
     * the decision would not rest on the whole investigation; the officer completes the task (its result may say
     * that it was withdrawn) first.
     */
    void requireNoOpenTask(long caseId, String number) {
        int open = store.openTasks(caseId);
        if (open > 0) {
            throw new ConflictException("cases.conflict.openTasks", number, open);
        }
    }

    // ---- decision and after

    private ReviewPolicy review(CaseRecord r) {
        return ReviewPolicy.of(r.ruleSet()).orElseThrow(() -> new ConflictException("cases.conflict.noReview", r.number(),
                r.ruleSet()));
    }

    /** The customer accepts the decision (recorded by the officer who heard it); the case may then be closed. */
    public Workflow accept(long caseId) {
        tx.executeWithoutResult(s -> {
            CaseRecord r = cases.get(caseId);
            if (!flow.accept(caseId, clock.instant())) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            store.event(caseId, "CUSTOMER_ACCEPTED", actor(), null, clock.instant());
            audit.success("cases.case.accept", "case:" + caseId, Map.of("number", r.number()));
        });
        return workflow(caseId);
    }

    /** The customer asks for a review of the decision: within the window of the rule set (409 after, or twice). */
    public Workflow requestReview(long caseId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 4000) {
            throw FieldValidationException.of("reason", "cases.validation.reason");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = cases.get(caseId);
            if (!r.status().equals("DECIDED")) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            ReviewPolicy p = review(r);
            WorkflowStore.Flow f = flow.flow(caseId);
            Instant now = clock.instant();
            if (!p.mayRequest(r.decidedAt(), f.reviewRequestedAt(), now, zone, calendars.get(calendarCode))) {
                throw new ConflictException("cases.conflict.reviewWindow", r.number());
            }
            if (!flow.requestReview(caseId, now)) {
                throw new ConflictException("cases.conflict.reviewWindow", r.number());
            }
            store.event(caseId, "REVIEW_REQUESTED", actor(), enc(reason.strip()), now);
            audit.success("cases.case.review.request", "case:" + caseId, Map.of("number", r.number()));
        });
        return workflow(caseId);
    }

    /** The review's decision (final): back to DECIDED, to be told to the customer and closed. */
    public Workflow decideReview(long caseId, String decision) {
        if (decision == null || decision.isBlank() || decision.length() > 8000) {
            throw FieldValidationException.of("decision", "cases.validation.decision");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = cases.get(caseId);
            requireNoOpenTask(caseId, r.number());
            if (!flow.decideReview(caseId, enc(decision.strip()), clock.instant())) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            store.event(caseId, "REVIEW_DECIDED", actor(), enc(decision.strip()), clock.instant());
            audit.success("cases.case.review.decide", "case:" + caseId, Map.of("number", r.number()));
        });
        return workflow(caseId);
    }

    /** Reopens a closed case with a reason (audited); a merged duplicate is not reopened (its survivor is). */
    public Workflow reopen(long caseId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw FieldValidationException.of("reason", "cases.validation.reason");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = cases.get(caseId);
            if (!flow.reopen(caseId, clock.instant())) {
                throw new ConflictException(flow.flow(caseId).mergedInto() != null ? "cases.conflict.merged"
                        : "cases.conflict.status", r.number(), r.status());
            }
            store.event(caseId, "REOPENED", actor(), enc(reason.strip()), clock.instant());
            audit.success("cases.case.reopen", "case:" + caseId, Map.of("number", r.number(), "reason", "given"));
        });
        return workflow(caseId);
    }

    /**
     * Merges a duplicate into this case: the duplicate is closed as merged (its timeline, notes, notices stay with it,
     * linked both ways), its open tasks move to the survivor. Both must be open, of the same customer (422 otherwise).
     */
    public Workflow merge(long survivorId, Long duplicateId) {
        if (duplicateId == null || duplicateId == survivorId) {
            throw FieldValidationException.of("duplicateId", "cases.validation.duplicate");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord survivor = notClosed(survivorId);
            CaseRecord dup = store.find(duplicateId).orElseThrow(() -> FieldValidationException.of("duplicateId",
                    "cases.validation.duplicate"));
            if (dup.customerId() == null || !dup.customerId().equals(survivor.customerId())) {
                throw FieldValidationException.of("duplicateId", "cases.validation.duplicateCustomer");
            }
            Instant now = clock.instant();
            if (!flow.mergeInto(duplicateId, survivorId, now)) {
                throw new ConflictException("cases.conflict.status", dup.number(), dup.status());
            }
            int moved = flow.moveOpenTasks(duplicateId, survivorId);
            store.event(duplicateId, "MERGED_INTO", actor(), enc(survivor.number()), now);
            store.event(survivorId, "MERGED_FROM", actor(), enc(dup.number() + (moved > 0 ? " (" + moved + " open tasks moved)" : "")),
                    now);
            audit.success("cases.case.merge", "case:" + survivorId, Map.of("duplicate", dup.number(), "survivor",
                    survivor.number()));
        });
        return workflow(survivorId);
    }

    private CaseRecord notClosed(long caseId) {
        CaseRecord r = cases.get(caseId);
        if (r.status().equals("CLOSED")) {
            throw new ConflictException("cases.conflict.status", r.number(), r.status());
        }
        return r;
    }

    // ---- reading

    /** A case's id by its number, such as TS2026000123. */
    public java.util.Optional<Long> idOfNumber(String number) {
        return flow.idOfNumber(number);
    }

    public Workflow workflow(long caseId) {
        CaseRecord r = cases.get(caseId);
        WorkflowStore.Flow f = flow.flow(caseId);
        Instant now = clock.instant();
        String officerName = r.officerId() == null ? null : agents.find(r.officerId()).map(AgentDirectory.AgentProfile::displayName)
                .orElse(null);
        List<TaskView> tasks = flow.tasks(caseId).stream().map(t -> new TaskView(t.id(), t.department(), t.responsible(),
                dec(t.requestEnc()), t.dueAt(), t.status(), dec(t.resultEnc()), t.createdBy(), t.createdAt(), t.doneBy(), t.doneAt(),
                t.status().equals("OPEN") ? now.isAfter(t.dueAt()) : t.doneAt().isAfter(t.dueAt()))).toList();
        List<NoteView> notes = flow.notes(caseId).stream().map(n -> new NoteView(n.id(), dec(n.bodyEnc()), n.author(), n.at()))
                .toList();
        List<NoticeView> notices = flow.notices(caseId).stream().map(n -> new NoticeView(n.id(), n.kind(), n.channel(),
                n.language(), n.maskedAddress(), dec(n.subjectEnc()), dec(n.bodyEnc()), n.status(), n.attempts(), n.result(),
                n.sentAt(), n.createdBy(), n.createdAt())).toList();
        ReviewView review = ReviewPolicy.of(r.ruleSet()).filter(p -> r.decidedAt() != null).map(p -> {
            var cal = calendars.get(calendarCode);
            Instant until = p.requestDeadline(r.decidedAt(), zone, cal);
            if (f.reviewRequestedAt() == null) {
                return new ReviewView(r.status().equals("DECIDED") && f.customerAcceptedAt() == null
                        && p.mayRequest(r.decidedAt(), null, now, zone, cal), until, null, null, null, null);
            }
            var reading = p.decisionClock(f.reviewRequestedAt(), f.reviewDecidedAt(), now, zone, cal);
            String state = f.reviewDecidedAt() != null ? (reading.state() == CaseClock.State.BREACHED ? "BREACHED" : "MET")
                    : reading.state().name();
            return new ReviewView(false, until, f.reviewRequestedAt(), reading.dueAt(), state, f.reviewDecidedAt());
        }).orElse(null);
        String mergedIntoNumber = f.mergedInto() == null ? null : store.find(f.mergedInto()).map(CaseRecord::number).orElse(null);
        return new Workflow(caseId, r.number(), r.status(), f.team(), r.officerId(), officerName, notes, tasks,
                (int) tasks.stream().filter(t -> t.status().equals("OPEN")).count(), notices, review, f.customerAcceptedAt(),
                f.mergedInto(), mergedIntoNumber, flow.mergedFrom(caseId), f.reopenedCount());
    }
}
