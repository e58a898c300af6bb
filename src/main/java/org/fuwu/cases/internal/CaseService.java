package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fuwu.cases.CaseClosed;
import org.fuwu.cases.CaseIntake;
import org.fuwu.cases.CaseOpened;
import org.fuwu.customer.CustomerDirectory;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening cases and moving them through the workflow: acknowledge, take, pause and resume, request and
 * approve an extension (by someone else), decide, close. Every step is checked against the stored status
 * (409 when the case moved on), put on the timeline, and the significant ones (open, extension, decision,
 * closure) audited. The clocks are read with the case (D24).
 */
@Service
public class CaseService implements CaseIntake {

    static final Set<String> TYPES = Set.of("INQUIRY", "SERVICE_REQUEST", "COMPLAINT", "FEEDBACK", "REGULATOR_COMPLAINT");
    static final Set<String> CHANNELS = Set.of("BRANCH", "WEB_CHAT", "APP_CHAT", "VOICE", "EMAIL", "SMS", "WECHAT", "WEB_FORM",
            "ASSISTANT", "API", "REGULATOR");
    /** The code tables: business types and causes (JR/T 0169-2018), and the root causes of closed complaints. */
    static final Set<String> CODE_KINDS = Set.of("BUSINESS", "CAUSE", "ROOT");
    static final Set<String> PAUSE_REASONS = Set.of("WAITING_FOR_CUSTOMER", "THIRD_PARTY_APPRAISAL");

    /** A clock as the case page shows it. */
    public record ClockView(String name, Instant dueAt, long secondsLeft, String state) {
    }

    /** A timeline line, decrypted. */
    public record Line(String kind, String actor, String detail, Instant at) {
    }

    /** A case as staff see it. */
    public record View(long id, String number, String type, String status, Long customerId, String channel, String summary,
                       Instant receivedAt, String ruleSet, String complexity, String severity, Long officerId,
                       String createdBy, Long sourceConversationId, List<String> involvedStaff, boolean paused,
                       String extensionRequestedBy,
                       String extensionApprovedBy, String decision, List<ClockView> clocks, List<Line> timeline) {
    }

    private final CaseStore store;
    private final CustomerDirectory customers;
    private final BusinessCalendars calendars;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String ruleSet;
    private final String calendarCode;
    private final ZoneId zone;
    private final SlaService sla;

    CaseService(SlaService sla, CaseStore store, CustomerDirectory customers, BusinessCalendars calendars, PersonalData personalData,
                AuditLog audit, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager txManager,
                @Value("${fuwu.cases.rule-set:CN}") String ruleSet, @Value("${fuwu.cases.calendar:CN}") String calendarCode,
                @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone) {
        this.sla = sla;
        this.store = store;
        this.customers = customers;
        this.calendars = calendars;
        this.personalData = personalData;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        if (!LegalRuleSets.ALL.containsKey(ruleSet)) {
            throw new IllegalStateException("fuwu.cases.rule-set must be one of " + LegalRuleSets.ALL.keySet());
        }
        this.ruleSet = ruleSet;
        this.calendarCode = calendarCode;
        this.zone = zone;
    }

    private static String actor() {
        return CurrentStaff.find().map(StaffPrincipal::auditName).orElse("system");
    }

    @Override
    public OpenedCase open(NewCase c) {
        return open(c, List.of());
    }

    /** Opens a case naming the staff it involves (the complaint is about them): they may never take it. */
    public OpenedCase open(NewCase c, List<String> involvedStaff) {
        List<String> involved = involvedStaff == null ? List.of() : involvedStaff.stream().filter(u -> u != null && !u.isBlank())
                .map(u -> u.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (involved.size() > 10 || involved.stream().anyMatch(u -> !u.matches("[a-z0-9][a-z0-9._-]{0,99}"))) {
            throw FieldValidationException.of("involvedStaff", "cases.validation.involvedStaff");
        }
        String type = c.type() == null ? "" : c.type().strip().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw FieldValidationException.of("type", "cases.validation.type");
        }
        String channel = c.channel() == null ? "" : c.channel().strip().toUpperCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw FieldValidationException.of("channel", "cases.validation.channel");
        }
        if (c.summary() == null || c.summary().isBlank() || c.summary().length() > 8000) {
            throw FieldValidationException.of("summary", "cases.validation.summary");
        }
        if (c.customerId() != null && customers.find(c.customerId()).isEmpty()) {
            throw FieldValidationException.of("customerId", "cases.validation.customer");
        }
        Instant now = clock.instant();
        Instant received = c.receivedAt() == null ? now : c.receivedAt();
        if (received.isAfter(now.plusSeconds(60)) || received.isBefore(now.minus(Duration.ofDays(366)))) {
            throw FieldValidationException.of("receivedAt", "cases.validation.receivedAt");
        }
        return tx.execute(s -> {
            int year = received.atZone(zone).getYear();
            String number = "TS" + year + String.format("%06d", store.nextNumber(year));
            long id = store.insert(number, type, c.customerId(), channel, personalData.encrypt(c.summary().strip()), received,
                    ruleSet, "NORMAL", actor(), c.sourceConversationId(), now);
            store.event(id, "OPENED", actor(), null, now);
            involved.forEach(u -> store.involve(id, u));
            audit.success("cases.case.open", "case:" + id, Map.of("number", number, "type", type, "channel", channel));
            events.publishEvent(new CaseOpened(id, number, type, c.customerId(), channel, received));
            return new OpenedCase(id, number);
        });
    }

    @Override
    public List<CaseSummary> ofCustomer(long customerId) {
        return store.ofCustomer(customerId).stream()
                .map(r -> new CaseSummary(r.id(), r.number(), r.type(), r.status(), r.receivedAt())).toList();
    }

    public View view(long id) {
        CaseRecord r = get(id);
        List<CaseClock.Pause> pauses = store.pauses(id);
        Instant now = clock.instant();
        List<ClockView> clocks = new java.util.ArrayList<>(CaseClocks.of(r.type(), r.ruleSet(), r.complexity()).stream().map(run -> {
            CaseClock c = new CaseClock(run.rule(), r.receivedAt(), zone, calendars.get(calendarCode), LocalTime.of(9, 0),
                    LocalTime.of(17, 0), pauses);
            Instant stop = r.stopped(run.stoppedBy());
            CaseClock.Reading reading = c.at(stop != null ? stop : now);
            String state = stop != null ? (reading.state() == CaseClock.State.BREACHED ? "BREACHED" : "MET") : reading.state().name();
            return new ClockView(run.rule().name(), reading.dueAt(), reading.left().toSeconds(), state);
        }).toList());
        clocks.addAll(sla.clocks(r, pauses, now)); // the SLA clocks (sla-*) of its policy
        List<Line> timeline = store.events(id).stream().map(e -> new Line(e.kind(), e.actor(),
                e.detailEnc() == null ? null : personalData.decrypt(e.detailEnc()), e.at())).toList();
        return new View(r.id(), r.number(), r.type(), r.status(), r.customerId(), r.channel(), personalData.decrypt(r.summaryEnc()),
                r.receivedAt(), r.ruleSet(), r.complexity(), r.severity(), r.officerId(), r.createdBy(), r.sourceConversationId(),
                store.involved(id), store.paused(id), r.extensionRequestedBy(), r.extensionApprovedBy(),
                r.decisionEnc() == null ? null : personalData.decrypt(r.decisionEnc()), clocks, timeline);
    }

    CaseRecord get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("case", id));
    }

    /**
     * The officer takes the case: it is theirs, and acknowledged to the customer (stops the first-response clock).
     * Recusal: staff the case names as involved, and whoever recorded a complaint, may not take it (409).
     */
    public View acknowledge(long id) {
        StaffPrincipal me = CurrentStaff.get();
        CaseRecord r0 = get(id);
        boolean complaint = r0.type().equals("COMPLAINT") || r0.type().equals("REGULATOR_COMPLAINT");
        if (store.involved(id).contains(me.username().toLowerCase(Locale.ROOT))
                || (complaint && r0.createdBy().equals(me.auditName()))) {
            throw new ConflictException("cases.conflict.recusal", r0.number());
        }
        tx.executeWithoutResult(s -> {
            if (!store.move(id, "OPEN", "ACKNOWLEDGED", "acknowledged_at", clock.instant())) {
                throw new ConflictException("cases.conflict.status", get(id).number(), get(id).status());
            }
            store.assign(id, me.accountId());
            store.event(id, "ACKNOWLEDGED", me.auditName(), null, clock.instant());
            events.publishEvent(new CaseStepped(id, "ACKNOWLEDGED")); // the acknowledgement notice (CaseNotices)
        });
        return view(id);
    }

    public View pause(long id, String reason) {
        String r = reason == null ? "" : reason.strip().toUpperCase(Locale.ROOT);
        if (!PAUSE_REASONS.contains(r)) {
            throw FieldValidationException.of("reason", "cases.validation.pauseReason");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord c = open(id);
            if (store.paused(id)) {
                throw new ConflictException("cases.conflict.paused", c.number());
            }
            store.pause(id, r, clock.instant());
            store.event(id, "PAUSED", actor(), personalData.encrypt(r), clock.instant());
        });
        return view(id);
    }

    public View resume(long id) {
        tx.executeWithoutResult(s -> {
            CaseRecord c = open(id);
            if (!store.paused(id)) {
                throw new ConflictException("cases.conflict.notPaused", c.number());
            }
            store.resume(id, clock.instant());
            store.event(id, "RESUMED", actor(), null, clock.instant());
        });
        return view(id);
    }

    /**
     * Declares a complaint complex (30 days) or asks to extend it as especially complex (a further 30 days),
     * which another person, a supervisor, must approve; the customer is then told.
     */
    public View extend(long id, String complexity, String reason) {
        String c = complexity == null ? "" : complexity.strip().toUpperCase(Locale.ROOT);
        if (!c.equals("COMPLEX") && !c.equals("ESPECIALLY_COMPLEX")) {
            throw FieldValidationException.of("complexity", "cases.validation.complexity");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw FieldValidationException.of("reason", "cases.validation.reason");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = open(id);
            if (!r.type().equals("COMPLAINT") && !r.type().equals("REGULATOR_COMPLAINT")) {
                throw new ConflictException("cases.conflict.notComplaint", r.number());
            }
            if (c.equals("COMPLEX")) {
                store.setComplexity(id, "COMPLEX");
                store.event(id, "COMPLEX", actor(), personalData.encrypt(reason.strip()), clock.instant());
            } else {
                store.requestExtension(id, actor(), personalData.encrypt(reason.strip()));
                store.event(id, "EXTENSION_REQUESTED", actor(), personalData.encrypt(reason.strip()), clock.instant());
            }
            audit.success("cases.case.extend", "case:" + id, Map.of("complexity", c));
        });
        return view(id);
    }

    /** A supervisor approves the requested extension; never the one who asked (409). */
    public View approveExtension(long id) {
        StaffPrincipal me = CurrentStaff.get();
        tx.executeWithoutResult(s -> {
            CaseRecord r = open(id);
            if (r.extensionRequestedBy() == null || r.extensionApprovedBy() != null) {
                throw new ConflictException("cases.conflict.noExtensionRequest", r.number());
            }
            if (r.extensionRequestedBy().equals(me.auditName())) {
                throw new ConflictException("cases.conflict.ownApproval", r.number());
            }
            store.approveExtension(id, me.auditName(), "ESPECIALLY_COMPLEX");
            store.event(id, "EXTENSION_APPROVED", me.auditName(), null, clock.instant());
            store.event(id, "CUSTOMER_NOTIFIED", "system", personalData.encrypt("extension"), clock.instant());
            audit.success("cases.case.extension.approve", "case:" + id, Map.of("number", r.number()));
        });
        return view(id);
    }

    /** The decision, told to the customer (stops the legal clock); 409 unless acknowledged. */
    public View decide(long id, String decision) {
        if (decision == null || decision.isBlank() || decision.length() > 8000) {
            throw FieldValidationException.of("decision", "cases.validation.decision");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = get(id);
            if (!r.status().equals("ACKNOWLEDGED")) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            if (store.openTasks(id) > 0) { // not decided past the investigation: see CaseWorkflow
                throw new ConflictException("cases.conflict.openTasks", r.number(), store.openTasks(id));
            }
            if (store.paused(id)) {
                store.resume(id, clock.instant());
            }
            store.decide(id, personalData.encrypt(decision.strip()), clock.instant());
            store.event(id, "DECIDED", actor(), personalData.encrypt(decision.strip()), clock.instant());
            events.publishEvent(new CaseStepped(id, "DECIDED")); // the decision notice (CaseNotices)
            audit.success("cases.case.decide", "case:" + id, Map.of("number", r.number()));
        });
        return view(id);
    }

    /**
     * Closes a decided case (a request or feedback straight from acknowledged); a complaint only once its root cause
     * and corrective action are recorded ({@link RootCauses}, 422 on {@code rootCauseCode} otherwise).
     */
    public View close(long id) {
        tx.executeWithoutResult(s -> {
            CaseRecord r = get(id);
            boolean request = !r.type().equals("COMPLAINT") && !r.type().equals("REGULATOR_COMPLAINT");
            String from = r.status().equals("DECIDED") || (request && r.status().equals("ACKNOWLEDGED")) ? r.status() : null;
            Instant now = clock.instant();
            if (from == null) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            if (!request && !store.hasRootCause(id)) {
                throw FieldValidationException.of("rootCauseCode", "cases.validation.rootCauseRequired");
            }
            if (!store.move(id, from, "CLOSED", "closed_at", now)) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            store.event(id, "CLOSED", actor(), null, now);
            CallbackPolicy.DEFAULT.dueFor(id, r.type(), now).ifPresent(due -> {
                store.scheduleCallback(id, due);
                store.event(id, "CALLBACK_SCHEDULED", "system", null, now);
            });
            audit.success("cases.case.close", "case:" + id, Map.of("number", r.number()));
            CaseRecord closed = get(id);
            boolean within = view(closed).stream().noneMatch(c -> c.state().equals("BREACHED"));
            events.publishEvent(new CaseClosed(id, r.number(), r.type(), r.customerId(), now, within));
        });
        return view(id);
    }

    /** The legal and fixed clocks (the SLA clocks, sla-*, are targets, not deadlines of the law). */
    private List<ClockView> view(CaseRecord r) {
        return view(r.id()).clocks().stream().filter(c -> !c.name().startsWith("sla-")).toList();
    }

    private CaseRecord open(long id) {
        CaseRecord r = get(id);
        if (r.status().equals("CLOSED") || r.status().equals("DECIDED")) {
            throw new ConflictException("cases.conflict.status", r.number(), r.status());
        }
        return r;
    }

    static final Set<String> SEVERITIES = Set.of("LOW", "NORMAL", "HIGH", "CRITICAL");

    /** The suggested classification of a case from its text: business type and cause, each with its keywords. */
    public record SuggestedClassification(KeywordClassifier.Suggestion business, KeywordClassifier.Suggestion cause) {
    }

    public SuggestedClassification suggest(long id) {
        String text = personalData.decrypt(get(id).summaryEnc());
        return new SuggestedClassification(KeywordClassifier.suggest(text, store.codes("BUSINESS")).orElse(null),
                KeywordClassifier.suggest(text, store.codes("CAUSE")).orElse(null));
    }

    /**
     * The officer's classification: business and cause codes of the configured tables, severity, and for a group
     * complaint its representatives, 1 to 5 (CBIRC 2020 No. 3). 422 names the field.
     */
    public View classify(long id, String business, String cause, String severity, boolean group, Integer representatives) {
        if (business == null || !store.codeExists("BUSINESS", business.strip())) {
            throw FieldValidationException.of("businessCode", "cases.validation.businessCode");
        }
        if (cause == null || !store.codeExists("CAUSE", cause.strip())) {
            throw FieldValidationException.of("causeCode", "cases.validation.causeCode");
        }
        String sev = severity == null ? "NORMAL" : severity.strip().toUpperCase(Locale.ROOT);
        if (!SEVERITIES.contains(sev)) {
            throw FieldValidationException.of("severity", "cases.validation.severity");
        }
        int reps = representatives == null ? 0 : representatives;
        if (group ? reps < 1 || reps > 5 : reps != 0) {
            throw FieldValidationException.of("representatives", "cases.validation.representatives");
        }
        tx.executeWithoutResult(s -> {
            CaseRecord r = get(id);
            if (r.status().equals("CLOSED")) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            store.classify(id, business.strip(), cause.strip(), sev, group, reps, actor());
            store.event(id, "CLASSIFIED", actor(), personalData.encrypt(business.strip() + " / " + cause.strip() + " / " + sev
                    + (group ? " / group of " + reps : "")), clock.instant());
            audit.success("cases.case.classify", "case:" + id, Map.of("business", business.strip(), "cause", cause.strip(),
                    "severity", sev));
        });
        return view(id);
    }

    public CaseStore.Classification classification(long id) {
        get(id);
        return store.classification(id);
    }

    public List<KeywordClassifier.Code> codes(String kind) {
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!CODE_KINDS.contains(k)) {
            throw FieldValidationException.of("kind", "cases.validation.codeKind");
        }
        return store.codes(k);
    }

    /** An administrator adds or changes a code (audited); codes are never deleted, only made inactive. */
    public void putCode(String kind, String code, String nameZh, String nameEn, List<String> keywords, boolean active) {
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!CODE_KINDS.contains(k)) {
            throw FieldValidationException.of("kind", "cases.validation.codeKind");
        }
        if (code == null || !code.matches("[A-Z0-9]{1,20}")) {
            throw FieldValidationException.of("code", "cases.validation.code");
        }
        if (nameZh == null || nameZh.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw FieldValidationException.of("nameZh", "cases.validation.codeName");
        }
        String kw = keywords == null ? "" : String.join(",", keywords.stream().map(String::strip).filter(x -> !x.isEmpty()).toList());
        if (kw.length() > 1000) {
            throw FieldValidationException.of("keywords", "cases.validation.keywords");
        }
        tx.executeWithoutResult(s -> {
            store.upsertCode(k, code, nameZh.strip(), nameEn.strip(), kw, active);
            audit.success("cases.code.put", "caseCode:" + k + ":" + code, Map.of("active", String.valueOf(active)));
        });
    }

    static final Set<String> CALLBACK_OUTCOMES = Set.of("REACHED", "UNREACHABLE");

    /** Records a callback's outcome; satisfaction 1-5 when the customer was reached (422 otherwise). */
    public View callback(long callbackId, String outcome, Integer satisfaction, String note) {
        String o = outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT);
        if (!CALLBACK_OUTCOMES.contains(o)) {
            throw FieldValidationException.of("outcome", "cases.validation.callbackOutcome");
        }
        if (o.equals("REACHED") && (satisfaction == null || satisfaction < 1 || satisfaction > 5)) {
            throw FieldValidationException.of("satisfaction", "cases.validation.satisfaction");
        }
        if (note != null && note.length() > 1000) {
            throw FieldValidationException.of("note", "cases.validation.reason");
        }
        long caseId = store.caseOfCallback(callbackId).orElseThrow(() -> new NotFoundException("callback", callbackId));
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            if (!store.completeCallback(callbackId, o, o.equals("REACHED") ? satisfaction : null,
                    note == null || note.isBlank() ? null : personalData.encrypt(note.strip()), actor(), now)) {
                throw new ConflictException("cases.conflict.callbackDone", get(caseId).number());
            }
            store.event(caseId, "CALLBACK_" + o, actor(), o.equals("REACHED") ? personalData.encrypt("satisfaction=" + satisfaction)
                    : null, now);
        });
        return view(caseId);
    }

    public List<CaseStore.Callback> callbacks(String status) {
        String st = status == null || status.isBlank() ? "PENDING" : status.strip().toUpperCase(Locale.ROOT);
        if (!Set.of("PENDING", "REACHED", "UNREACHABLE").contains(st)) {
            throw FieldValidationException.of("status", "cases.validation.callbackStatus");
        }
        return store.callbacks(st, 200);
    }

    public java.util.Optional<CaseStore.Callback> callbackOf(long caseId) {
        return store.callbackOf(caseId);
    }

    /**
     * The complaint KPIs of REFERENCE.md for cases received in a period: % acknowledged within 24 hours (the
     * seeds' target 95 %), % decided within the legal deadline, the extension rate, and the callback rate
     * (callbacks due in the period and made, the seeds' target 80 %), with the mean satisfaction.
     */
    public record Kpis(int complaints, int acknowledgedWithin24h, double handledWithin24hRate, int decided,
                       int decidedWithinDeadline, double withinDeadlineRate, int extended, double extensionRate,
                       int callbacksDue, int callbacksMade, double callbackRate) {
    }

    public Kpis kpis(java.time.LocalDate from, java.time.LocalDate to) {
        Instant f = from.atStartOfDay(zone).toInstant();
        Instant t = to.plusDays(1).atStartOfDay(zone).toInstant();
        int complaints = 0;
        int within24 = 0;
        int decided = 0;
        int inTime = 0;
        int extended = 0;
        for (CaseRecord r : store.receivedBetween(f, t)) {
            if (!r.type().equals("COMPLAINT") && !r.type().equals("REGULATOR_COMPLAINT")) {
                continue;
            }
            complaints++;
            var clocks = view(r);
            if (clocks.stream().anyMatch(c -> c.name().equals("first-response") && c.state().equals("MET"))) {
                within24++;
            }
            if (r.decidedAt() != null) {
                decided++;
                if (clocks.stream().noneMatch(c -> !c.name().equals("first-response") && c.state().equals("BREACHED"))) {
                    inTime++;
                }
            }
            if (!r.complexity().equals("SIMPLE")) {
                extended++;
            }
        }
        int[] cb = store.callbackCounts(f, t.plus(Duration.ofDays(7)));
        return new Kpis(complaints, within24, complaints == 0 ? 1.0 : (double) within24 / complaints, decided, inTime,
                decided == 0 ? 1.0 : (double) inTime / decided, extended, complaints == 0 ? 0 : (double) extended / complaints,
                cb[0], cb[1], cb[0] == 0 ? 1.0 : (double) cb[1] / cb[0]);
    }

    public List<View> list(String status, boolean mine) {
        String st = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (st != null && !Set.of("OPEN", "ACKNOWLEDGED", "DECIDED", "REVIEW", "CLOSED").contains(st)) {
            throw FieldValidationException.of("status", "cases.validation.status");
        }
        Long officer = mine ? CurrentStaff.get().accountId() : null;
        return store.list(st, officer, 200).stream().map(r -> view(r.id())).toList();
    }
}
