package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fuwu.cases.CaseOpened;
import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.BranchDirectory;
import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.staff.AgentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SLA policies, escalation rules and the holders of the escalation levels (administered, validated, audited), and
 * the SLA clocks of a case: its policy (by type, severity and the segment it was opened with), on the business
 * calendar of its branch's region or the default one. Every change of a policy or rule bumps their generation, so
 * the escalation timers of every case are recomputed.
 */
@Service
public class SlaService {

    static final List<String> TYPES = List.of("ANY", "INQUIRY", "SERVICE_REQUEST", "COMPLAINT", "FEEDBACK", "REGULATOR_COMPLAINT");
    static final List<String> SEVERITIES = List.of("ANY", "LOW", "NORMAL", "HIGH", "CRITICAL");
    static final List<String> SEGMENTS = List.of("ANY", "ORDINARY", "VIP", "PRIVATE");
    static final String BANK = "BANK";

    private final SlaStore store;
    private final CaseStore cases;
    private final CustomerDirectory customers;
    private final Branches branches;
    private final BranchDirectory branchDirectory;
    private final BusinessCalendars calendars;
    private final AgentDirectory staff;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String calendarCode;
    private final ZoneId zone;

    SlaService(SlaStore store, CaseStore cases, CustomerDirectory customers, Branches branches, BranchDirectory branchDirectory,
               BusinessCalendars calendars, AgentDirectory staff, AuditLog audit, Clock clock, PlatformTransactionManager txManager,
               @Value("${fuwu.cases.calendar:CN}") String calendarCode, @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.cases = cases;
        this.customers = customers;
        this.branches = branches;
        this.branchDirectory = branchDirectory;
        this.calendars = calendars;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.calendarCode = calendarCode;
        this.zone = zone;
    }

    /**
     * In the transaction that opens a case: the customer's segment (ORDINARY without a customer) and the case's branch
     * (the opener's branch when they work at one, else the customer's home branch) for its SLA.
     */
    @EventListener
    void opened(CaseOpened e) {
        Optional<CustomerRef> customer = e.customerId() == null ? Optional.empty() : customers.find(e.customerId());
        String segment = customer.map(c -> c.segment().name()).orElse("ORDINARY");
        String branch = CurrentStaff.find().map(StaffPrincipal::scope).filter(s -> s.level() == Scope.Level.BRANCH)
                .map(Scope::code).orElse(customer.map(CustomerRef::homeBranchCode).orElse(null));
        store.insertContext(e.caseId(), segment, branch);
    }

    SlaStore.Context context(long caseId) {
        return store.context(caseId).orElse(new SlaStore.Context("ORDINARY", null, 0));
    }

    /** The business calendar of a branch's region, or the default one without a (known) branch. */
    BusinessCalendar calendarOf(String branchCode) {
        if (branchCode != null && branches.find(branchCode).isPresent()) {
            return branches.calendarOf(branchCode);
        }
        return calendars.get(calendarCode);
    }

    /** The clocks escalations watch on a case, computed now from its facts. */
    List<SlaClocks.Watched> watched(CaseRecord r, List<CaseClock.Pause> pauses) {
        SlaStore.Context ctx = context(r.id());
        SlaPolicy policy = SlaPolicyMatcher.match(store.policies(), r.type(), r.severity(), ctx.segment()).orElse(null);
        SlaClocks.Facts facts = new SlaClocks.Facts(r.type(), r.status(), r.receivedAt(), r.acknowledgedAt(), r.decidedAt(),
                r.closedAt(), r.ruleSet(), r.complexity(), store.eventTimes(r.id(), SlaClocks.UPDATES), pauses);
        return SlaClocks.of(facts, policy, zone, calendarOf(ctx.branchCode()), calendars.get(calendarCode));
    }

    /** The SLA clocks of a case as its page shows them (the legal clocks are shown by CaseService as before). */
    public List<CaseService.ClockView> clocks(CaseRecord r, List<CaseClock.Pause> pauses, Instant now) {
        List<CaseService.ClockView> out = new ArrayList<>();
        for (SlaClocks.Watched w : watched(r, pauses)) {
            if (w.key().equals("LEGAL")) {
                continue;
            }
            Instant stop = w.stoppedAt();
            CaseClock.Reading reading = w.clock().at(stop != null ? stop : now);
            String state = stop != null ? (reading.state() == CaseClock.State.BREACHED ? "BREACHED" : "MET") : reading.state().name();
            out.add(new CaseService.ClockView(w.clock().rule().name(), reading.dueAt(), reading.left().toSeconds(), state));
        }
        return out;
    }

    /** The policy a case runs under now. */
    public Optional<SlaPolicy> policyOf(long caseId) {
        CaseRecord r = cases.find(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        return SlaPolicyMatcher.match(store.policies(), r.type(), r.severity(), context(caseId).segment());
    }

    public SlaStore.Context contextOf(long caseId) {
        cases.find(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        return context(caseId);
    }

    // --- administration

    public List<SlaPolicy> policies() {
        return store.policies();
    }

    /** A target as the API takes it: an amount and a unit of {@link ClockRule.Unit}. */
    public record Target(Integer amount, String unit) {
    }

    private static String key(String raw, List<String> allowed, String field, String messageKey) {
        String v = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw FieldValidationException.of(field, messageKey);
        }
        return v;
    }

    private static ClockRule target(Target t, String name, String field) {
        if (t == null || t.amount() == null || t.amount() < 1 || t.amount() > 1000 || t.unit() == null) {
            throw FieldValidationException.of(field, "cases.validation.slaTarget");
        }
        try {
            return new ClockRule(name, t.amount(), ClockRule.Unit.valueOf(t.unit().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw FieldValidationException.of(field, "cases.validation.slaTarget");
        }
    }

    /** Adds or changes the policy of a type, severity and segment (ANY for every value); audited. */
    public SlaPolicy putPolicy(String type, String severity, String segment, Target firstResponse, Target nextUpdate,
                               Target resolution, boolean active) {
        String t = key(type, TYPES, "caseType", "cases.validation.slaType");
        String s = key(severity, SEVERITIES, "severity", "cases.validation.slaSeverity");
        String g = key(segment, SEGMENTS, "segment", "cases.validation.slaSegment");
        ClockRule fr = target(firstResponse, SlaPolicy.FIRST_RESPONSE, "firstResponse");
        ClockRule nu = target(nextUpdate, SlaPolicy.NEXT_UPDATE, "nextUpdate");
        ClockRule res = target(resolution, SlaPolicy.RESOLUTION, "resolution");
        return tx.execute(st -> {
            store.putPolicy(t, s, g, fr, nu, res, active, CurrentStaff.auditName(), clock.instant());
            store.bumpGeneration();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("firstResponse", fr.amount() + " " + fr.unit());
            details.put("nextUpdate", nu.amount() + " " + nu.unit());
            details.put("resolution", res.amount() + " " + res.unit());
            details.put("active", String.valueOf(active));
            audit.success("cases.sla.policy.put", "slaPolicy:" + t + "/" + s + "/" + g, details);
            return store.policy(t, s, g).orElseThrow();
        });
    }

    public List<EscalationRule> rules() {
        return store.rules();
    }

    /** A rule as the API takes it. */
    public record RuleInput(String clock, String caseType, String severity, String segment, Integer percent, String action,
                            String level, Boolean active) {
    }

    private static EscalationRule validate(long id, RuleInput in) {
        if (in == null) {
            throw FieldValidationException.of("clock", "cases.validation.escalationClock");
        }
        String c = key(in.clock(), List.copyOf(new java.util.TreeSet<>(EscalationRule.CLOCKS)), "clock", "cases.validation.escalationClock");
        String t = key(in.caseType() == null ? "ANY" : in.caseType(), TYPES, "caseType", "cases.validation.slaType");
        String s = key(in.severity() == null ? "ANY" : in.severity(), SEVERITIES, "severity", "cases.validation.slaSeverity");
        String g = key(in.segment() == null ? "ANY" : in.segment(), SEGMENTS, "segment", "cases.validation.slaSegment");
        if (in.percent() == null || in.percent() < 1 || in.percent() > 100) {
            throw FieldValidationException.of("percent", "cases.validation.escalationPercent");
        }
        String a = key(in.action(), List.copyOf(new java.util.TreeSet<>(EscalationRule.ACTIONS)), "action", "cases.validation.escalationAction");
        String l = key(in.level(), List.copyOf(new java.util.TreeSet<>(EscalationRule.LEVELS)), "level", "cases.validation.escalationLevel");
        return new EscalationRule(id, c, t, s, g, in.percent(), a, l, in.active() == null || in.active());
    }

    private static Map<String, String> details(EscalationRule r) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("clock", r.clock());
        d.put("match", r.caseType() + "/" + r.severity() + "/" + r.segment());
        d.put("percent", String.valueOf(r.percent()));
        d.put("action", r.action());
        d.put("level", r.level());
        d.put("active", String.valueOf(r.active()));
        return d;
    }

    public EscalationRule addRule(RuleInput in) {
        EscalationRule r = validate(0, in);
        return tx.execute(st -> {
            long id = store.insertRule(r, CurrentStaff.auditName(), clock.instant());
            store.bumpGeneration();
            audit.success("cases.escalation.rule.add", "escalationRule:" + id, details(r));
            return store.rule(id).orElseThrow();
        });
    }

    public EscalationRule changeRule(long id, RuleInput in) {
        EscalationRule r = validate(id, in);
        return tx.execute(st -> {
            if (!store.updateRule(r, CurrentStaff.auditName(), clock.instant())) {
                throw new NotFoundException("escalationRule", id);
            }
            store.bumpGeneration();
            audit.success("cases.escalation.rule.change", "escalationRule:" + id, details(r));
            return store.rule(id).orElseThrow();
        });
    }

    public List<SlaStore.Holder> holders() {
        return store.holders();
    }

    /**
     * Names who holds a level in a scope: a branch code, a region code or BANK; the staff by login (each must exist and
     * be enabled, 422 naming {@code usernames}). An empty list removes them. Audited.
     */
    public List<SlaStore.Holder> putHolders(String level, String scope, List<String> usernames) {
        String l = key(level, List.copyOf(new java.util.TreeSet<>(EscalationRule.LEVELS)), "level", "cases.validation.escalationLevel");
        String s = scope == null ? "" : scope.strip().toUpperCase(Locale.ROOT);
        if (!s.equals(BANK) && !branchDirectory.branchExists(s) && !branchDirectory.regionExists(s)) {
            throw FieldValidationException.of("scope", "cases.validation.escalationScope");
        }
        if (usernames == null || usernames.size() > 10) {
            throw FieldValidationException.of("usernames", "cases.validation.escalationHolders");
        }
        List<SlaStore.Holder> holders = new ArrayList<>();
        for (String u : usernames) {
            var profile = u == null ? Optional.<AgentDirectory.AgentProfile>empty() : staff.findByUsername(u.strip().toLowerCase(Locale.ROOT));
            if (profile.isEmpty() || !profile.get().enabled()) {
                throw FieldValidationException.of("usernames", "cases.validation.escalationHolders");
            }
            if (holders.stream().noneMatch(h -> h.accountId() == profile.get().accountId())) {
                holders.add(new SlaStore.Holder(l, s, profile.get().accountId(), profile.get().username()));
            }
        }
        tx.executeWithoutResult(st -> {
            store.replaceHolders(l, s, holders);
            audit.success("cases.escalation.holders.put", "escalationLevel:" + l + "/" + s,
                    Map.of("holders", String.join(",", holders.stream().map(SlaStore.Holder::username).toList())));
        });
        return store.holders(l, s);
    }

    /** Who holds a level for a case: the holders of its branch, else of its branch's region, else of the bank. */
    List<SlaStore.Holder> holdersFor(String level, String branchCode) {
        if (branchCode != null) {
            List<SlaStore.Holder> h = store.holders(level, branchCode);
            if (!h.isEmpty()) {
                return h;
            }
            Optional<String> region = branches.find(branchCode).map(BranchSummary::regionCode);
            if (region.isPresent()) {
                h = store.holders(level, region.get());
                if (!h.isEmpty()) {
                    return h;
                }
            }
        }
        return store.holders(level, BANK);
    }

    /** Marks one of my escalation notices read; 404 unless it is mine. */
    public void markRead(long noticeId) {
        StaffPrincipal me = CurrentStaff.get();
        tx.executeWithoutResult(st -> {
            if (!store.noticeExists(noticeId, me.accountId())) {
                throw new NotFoundException("escalationNotice", noticeId);
            }
            store.markRead(noticeId, clock.instant());
            audit.success("cases.escalation.notice.read", "escalationNotice:" + noticeId);
        });
    }

    /** My unread escalation notices, newest first. */
    public List<SlaStore.Escalation> myNotices() {
        return store.notices(CurrentStaff.get().accountId(), 100);
    }
}
