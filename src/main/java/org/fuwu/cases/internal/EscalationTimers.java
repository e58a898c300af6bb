package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fuwu.cases.CaseEscalated;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable escalation timers that fire exactly once, even across a restart and with several instances.
 *
 * <ul>
 *   <li><b>Recompute</b>: a case's timers are planned by {@link EscalationSchedule} from its clocks and the matching
 *       rules, one row per case, rule and cycle in {@code case_timer}. A case is recomputed when its timeline grew (every
 *       step of the workflow writes one: pause, resume, extension, decision, closure…) or the policies and rules changed
 *       (their generation), and every case on a slower sweep (a change of a business calendar).</li>
 *   <li><b>Fire</b>: a due timer is fired in one transaction that locks the case's row, checks the timer against the
 *       clocks as they are now (a closed case, a stopped clock or a pause that deferred it: never fired, the timer is
 *       cancelled or moved), claims it with a conditional update PENDING to FIRED, and records the escalation
 *       (unique per timer), its action, the notices, the timeline line and the audit record, and publishes
 *       {@link CaseEscalated}. A crash before the commit leaves the timer pending for the next instance to fire; a
 *       second instance waits for the row lock and then finds it fired.</li>
 * </ul>
 */
@Service
public class EscalationTimers {

    private static final Logger log = LoggerFactory.getLogger(EscalationTimers.class);

    private final SlaStore store;
    private final CaseStore cases;
    private final SlaService sla;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int batch;

    EscalationTimers(SlaStore store, CaseStore cases, SlaService sla, PersonalData personalData, AuditLog audit,
                     ApplicationEventPublisher events, Clock clock, PlatformTransactionManager txManager,
                     @Value("${fuwu.cases.escalation.batch:100}") int batch) {
        this.store = store;
        this.cases = cases;
        this.sla = sla;
        this.personalData = personalData;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.batch = batch;
    }

    /** Every poll: recompute the cases that changed, then fire what is due (at most a batch). */
    @Scheduled(fixedDelayString = "${fuwu.cases.escalation.poll:5s}", initialDelayString = "${fuwu.cases.escalation.poll:5s}")
    void tick() {
        try {
            Instant now = clock.instant();
            recomputeChanged(now);
            fireDue(now, null, batch);
        } catch (RuntimeException e) {
            log.warn("escalation round failed, retried on the next poll: {}", e.toString());
        }
    }

    /** A slower sweep recomputes every open case (a business calendar changed: a holiday added, 调休 moved). */
    @Scheduled(fixedDelayString = "${fuwu.cases.escalation.sweep:10m}", initialDelayString = "${fuwu.cases.escalation.sweep:10m}")
    void sweep() {
        try {
            Instant now = clock.instant();
            for (long id : store.openCases()) {
                recompute(id, now);
            }
        } catch (RuntimeException e) {
            log.warn("escalation sweep failed: {}", e.toString());
        }
    }

    /** Recomputes the timers of the cases whose timeline or rules changed; how many. */
    public int recomputeChanged(Instant now) {
        long generation = store.generation();
        List<Long> stale = store.stale(generation, 500);
        for (long id : stale) {
            recompute(id, now);
        }
        return stale.size();
    }

    private record Planned(SlaStore.Context context, List<SlaClocks.Watched> clocks, List<EscalationSchedule.Due> dues) {
    }

    private Planned plan(CaseRecord r, Instant now) {
        SlaStore.Context ctx = sla.context(r.id());
        List<SlaClocks.Watched> clocks = sla.watched(r, cases.pauses(r.id()));
        List<EscalationRule> rules = store.rules().stream().filter(x -> x.matches(r.type(), r.severity(), ctx.segment())).toList();
        return new Planned(ctx, clocks, EscalationSchedule.plan(clocks, rules, r.status().equals("CLOSED"), now));
    }

    /** Recomputes one case's timers in a transaction holding its row lock. */
    public void recompute(long caseId, Instant now) {
        tx.executeWithoutResult(s -> {
            long generation = store.generation();
            if (!store.lockCase(caseId)) {
                return;
            }
            long lastEvent = store.lastEventId(caseId);
            CaseRecord r = cases.find(caseId).orElseThrow();
            List<EscalationSchedule.Due> dues = plan(r, now).dues();
            List<SlaStore.Timer> existing = store.timers(caseId);
            for (SlaStore.Timer t : existing) {
                if (t.status().equals("FIRED")) {
                    continue;
                }
                Optional<EscalationSchedule.Due> d = dues.stream()
                        .filter(x -> x.ruleId() == t.ruleId() && x.cycle().equals(t.cycle())).findFirst();
                String status = d.isPresent() ? "PENDING" : "CANCELLED";
                Instant due = d.isPresent() ? d.get().dueAt() : t.dueAt(); // null while the clock stands still
                if (!status.equals(t.status()) || !java.util.Objects.equals(due, t.dueAt())) {
                    store.setTimer(t.id(), due, status);
                }
            }
            for (EscalationSchedule.Due d : dues) {
                if (existing.stream().noneMatch(t -> t.ruleId() == d.ruleId() && t.cycle().equals(d.cycle()))) {
                    store.insertTimer(caseId, d.ruleId(), d.cycle(), d.dueAt());
                }
            }
            store.synced(caseId, lastEvent, generation);
        });
    }

    /** Fires the timers due by {@code now} (of one case, or of all when null), at most {@code limit}; how many fired. */
    public int fireDue(Instant now, Long caseId, int limit) {
        int fired = 0;
        for (long id : store.due(now, caseId, limit)) {
            if (fire(id, now)) {
                fired++;
            }
        }
        return fired;
    }

    /** Fires one timer if it is still due as the clocks stand now; true if it fired. */
    boolean fire(long timerId, Instant now) {
        Boolean fired = tx.execute(s -> {
            Optional<SlaStore.Timer> t0 = store.timer(timerId);
            if (t0.isEmpty() || !store.lockCase(t0.get().caseId())) {
                return false;
            }
            SlaStore.Timer t = store.timer(timerId).orElseThrow(); // read again under the case's lock
            if (!t.status().equals("PENDING")) {
                return false;
            }
            CaseRecord r = cases.find(t.caseId()).orElseThrow();
            Planned p = plan(r, now);
            Optional<EscalationSchedule.Due> due = p.dues().stream()
                    .filter(d -> d.ruleId() == t.ruleId() && d.cycle().equals(t.cycle())).findFirst();
            if (due.isEmpty()) {
                store.setTimer(t.id(), t.dueAt(), "CANCELLED"); // closed case, stopped clock, rule gone
                return false;
            }
            if (due.get().dueAt() == null || due.get().dueAt().isAfter(now)) {
                store.setTimer(t.id(), due.get().dueAt(), "PENDING"); // a pause deferred it
                return false;
            }
            EscalationRule rule = store.rule(t.ruleId()).orElseThrow();
            if (!store.claim(t.id(), now)) {
                return false;
            }
            String clockName = p.clocks().stream().filter(w -> w.cycle().equals(t.cycle())).map(w -> w.clock().rule().name())
                    .findFirst().orElse(t.cycle());
            long escalationId = store.insertEscalation(t.id(), r.id(), rule, clockName, due.get().dueAt(), now);
            List<SlaStore.Holder> holders = sla.holdersFor(rule.level(), p.context().branchCode());
            Long officer = r.officerId();
            String outcome = act(r, rule, holders);
            Long newOfficer = rule.action().equals("REASSIGN") ? cases.find(r.id()).orElseThrow().officerId() : officer;
            Set<Long> told = new LinkedHashSet<>();
            if (officer != null) {
                told.add(officer);
            }
            if (newOfficer != null) {
                told.add(newOfficer);
            }
            holders.forEach(h -> told.add(h.accountId()));
            told.forEach(a -> store.notice(escalationId, a));
            String detail = clockName + " " + rule.percent() + "% " + rule.level() + " " + rule.action() + outcome;
            cases.event(r.id(), "ESCALATED", "system", personalData.encrypt(detail), now);
            audit.success("cases.case.escalate", "case:" + r.id(), Map.of("number", r.number(), "clock", clockName,
                    "percent", String.valueOf(rule.percent()), "action", rule.action(), "level", rule.level(),
                    "timer", String.valueOf(t.id()), "notified", String.valueOf(told.size())));
            events.publishEvent(new CaseEscalated(r.id(), r.number(), clockName, rule.percent(), rule.action(), rule.level(),
                    newOfficer, due.get().dueAt(), now));
            return true;
        });
        return Boolean.TRUE.equals(fired);
    }

    /** The rule's action beyond the notices; what it did, for the timeline. */
    private String act(CaseRecord r, EscalationRule rule, List<SlaStore.Holder> holders) {
        switch (rule.action()) {
            case "REASSIGN" -> {
                // recusal holds for escalations too: staff the case names, and who recorded a complaint, never take it
                List<String> involved = cases.involved(r.id());
                boolean complaint = r.type().equals("COMPLAINT") || r.type().equals("REGULATOR_COMPLAINT");
                Optional<SlaStore.Holder> to = holders.stream()
                        .filter(h -> !involved.contains(h.username().toLowerCase(Locale.ROOT)))
                        .filter(h -> !(complaint && r.createdBy().equals(h.username())))
                        .filter(h -> r.officerId() == null || h.accountId() != r.officerId()).findFirst();
                if (to.isEmpty()) {
                    return " (no holder to take it)";
                }
                cases.assign(r.id(), to.get().accountId());
                return " -> " + to.get().username();
            }
            case "RAISE_PRIORITY" -> {
                store.raisePriority(r.id());
                return "";
            }
            default -> {
                return "";
            }
        }
    }

    /** A case's escalations and timers, for its page and the API. */
    public record CaseEscalations(int priority, List<SlaStore.Escalation> escalations, List<SlaStore.Timer> timers) {
    }

    public CaseEscalations ofCase(long caseId) {
        SlaStore.Context ctx = sla.contextOf(caseId);
        return new CaseEscalations(ctx.priority(), store.escalations(caseId), new ArrayList<>(store.timers(caseId)));
    }
}
