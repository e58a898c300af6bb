package org.fuwu.queueing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fuwu.organization.BranchSummary;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.queueing.TicketPriorityChanged;
import org.fuwu.queueing.internal.ConsoleStore.ConsoleTicket;
import org.fuwu.queueing.internal.CounterConsoleService.CounterView;
import org.fuwu.queueing.internal.CounterConsoleService.QueueSnapshot;
import org.fuwu.queueing.internal.CounterConsoleService.WaitingView;
import org.fuwu.queueing.internal.QueueAlertPolicy.Assessment;
import org.fuwu.queueing.internal.QueueAlertPolicy.Candidate;
import org.fuwu.queueing.internal.QueueAlertPolicy.Level;
import org.fuwu.queueing.internal.QueueAlertPolicy.Waiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lobby manager's view (大堂经理, issue 3, point 8): every queue of a branch with its waits against
 * the service's target, grouped by zone; the counters and their state; an early warning when a
 * queue's predicted wait will exceed its target ({@link QueueAlertPolicy}), with the counter to open
 * and what opening it would do to the estimate; and overriding a waiting ticket's priority, with a
 * reason, audited. Transferring or reassigning a waiting ticket is the console's transfer.
 */
@Service
public class LobbyManagerService {

    /** Why a lobby manager changes a ticket's priority; the code is stored and audited, a note is optional. */
    public enum OverrideReason {
        ELDERLY, DISABLED, PREGNANT, VIP_CONFIRMED, SERVICE_RECOVERY, URGENT_BUSINESS, CORRECTION, OTHER
    }

    /** The longest note kept with an override. */
    public static final int MAX_NOTE = 200;

    /** One waiting ticket of a queue as the manager sees it (numbers and classes only, no customer data). */
    public record QueueTicket(long id, String number, int position, String priorityClass, Instant issuedAt,
                              long waitedSeconds, String targetCounter) {
    }

    /**
     * The counter to open for a queue, and the estimate for a new arrival now and with it open.
     *
     * @param counterCode the counter
     * @param state its state now (PAUSED or CLOSED)
     * @param nowP50Seconds a new arrival's P50 estimate now; -1 when no counter of the service is open
     * @param withP50Seconds the same with the counter open
     */
    public record Suggestion(String counterCode, String state, long nowP50Seconds, long withP50Seconds) {
    }

    /**
     * One queue (a service type) of the branch.
     *
     * @param openCounters how many counters that serve it are open now
     * @param newArrival the estimate for a customer taking a ticket now
     * @param assessment the early-warning level and projections
     * @param suggestion the counter to open, when the queue alerts and one is paused or closed
     */
    public record QueueView(ServiceType service, int waiting, int openCounters, WaitEstimate newArrival,
                            Assessment assessment, Suggestion suggestion, List<QueueTicket> tickets) {

        public long targetSeconds() {
            return service.targetWaitSeconds();
        }
    }

    /** An early warning, the worst first. */
    public record Alert(String serviceCode, Level level, long projectedP50Seconds, long targetSeconds,
                        boolean noCounterOpen, Suggestion suggestion) {
    }

    /** The whole lobby of a branch: queues by zone, counters, alerts. */
    public record Overview(String branchCode, Instant at, String policy, Map<String, List<QueueView>> zones,
                           List<CounterView> counters, List<Alert> alerts) {
    }

    private final CounterConsoleService console;
    private final ConsoleStore store;
    private final QueueingStore queueing;
    private final LobbyConfigService config;
    private final LobbyWaitEstimator estimator;
    private final AuditLog audit;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    LobbyManagerService(CounterConsoleService console, ConsoleStore store, QueueingStore queueing,
                        LobbyConfigService config, LobbyWaitEstimator estimator, AuditLog audit,
                        PersonalData personalData, ApplicationEventPublisher events, Clock clock,
                        PlatformTransactionManager txManager) {
        this.console = console;
        this.store = store;
        this.queueing = queueing;
        this.config = config;
        this.estimator = estimator;
        this.audit = audit;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The lobby of one of the caller's branches, now. */
    public Overview overview(String branchCode) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        QueueSnapshot snapshot = console.snapshot(branchCode);
        Instant now = snapshot.at();
        LobbyWaitEstimator.Lobby lobby = estimator.lobby(branch);
        List<CounterService> matrix = queueing.matrix(branchCode);
        Map<String, String> states = new LinkedHashMap<>();
        for (CounterView c : snapshot.counters()) {
            states.put(c.counterCode(), c.state());
        }
        Map<String, List<QueueView>> zones = new LinkedHashMap<>();
        List<Alert> alerts = new ArrayList<>();
        for (ServiceType service : queueing.services(branchCode)) {
            if (!service.active()) {
                continue;
            }
            List<WaitingView> waiting = snapshot.waiting().getOrDefault(service.code(), List.of());
            List<QueueTicket> tickets = new ArrayList<>();
            List<Waiter> waiters = new ArrayList<>();
            for (WaitingView w : waiting) {
                long waited = Math.max(0, Duration.between(w.issuedAt(), now).toSeconds());
                tickets.add(new QueueTicket(w.id(), w.number(), w.position(), w.priorityClass(), w.issuedAt(), waited,
                        w.targetCounter()));
                waiters.add(new Waiter(waited, lobby.estimate(service, w.position() - 1)));
            }
            WaitEstimate newArrival = lobby.estimate(service, waiting.size());
            List<Candidate> candidates = candidates(service.code(), matrix, states);
            int open = (int) candidates.stream().filter(Candidate::open).count();
            Assessment assessment = QueueAlertPolicy.assess(Math.max(1, service.targetWaitSeconds()), waiters, newArrival);
            boolean noCounterOpen = open == 0 && !waiting.isEmpty() && !candidates.isEmpty();
            if (noCounterOpen && !assessment.alerts()) {
                // the estimator assumes the counters open when none is: with customers waiting, that is an alert
                assessment = new Assessment(Level.PREDICTED, assessment.longestWaitSeconds(),
                        assessment.projectedP50Seconds(), assessment.projectedP90Seconds());
            }
            Suggestion suggestion = null;
            if (assessment.alerts()) {
                Optional<Candidate> best = QueueAlertPolicy.counterToOpen(candidates, Set.of());
                if (best.isPresent()) {
                    WaitEstimate with = lobby.estimate(service, waiting.size(), Set.of(best.get().counterCode()));
                    suggestion = new Suggestion(best.get().counterCode(), states.getOrDefault(best.get().counterCode(),
                            "OPEN"), noCounterOpen ? -1 : newArrival.p50Seconds(), with.p50Seconds());
                }
                alerts.add(new Alert(service.code(), assessment.level(), assessment.projectedP50Seconds(),
                        service.targetWaitSeconds(), noCounterOpen, suggestion));
            }
            zones.computeIfAbsent(service.zoneCode() == null ? "" : service.zoneCode(), z -> new ArrayList<>())
                    .add(new QueueView(service, waiting.size(), open, newArrival, assessment, suggestion, tickets));
        }
        alerts.sort(Comparator.comparing(Alert::level).reversed()
                .thenComparing(Comparator.comparingLong((Alert a) -> a.projectedP50Seconds() - a.targetSeconds()).reversed()));
        return new Overview(branchCode, now, snapshot.policy(), zones, snapshot.counters(), alerts);
    }

    private static List<Candidate> candidates(String serviceCode, List<CounterService> matrix, Map<String, String> states) {
        Map<String, Integer> serviceCount = new LinkedHashMap<>();
        for (CounterService cell : matrix) {
            serviceCount.merge(cell.counterCode(), 1, Integer::sum);
        }
        List<Candidate> out = new ArrayList<>();
        for (CounterService cell : matrix) {
            if (cell.serviceCode().equals(serviceCode)) {
                String state = states.getOrDefault(cell.counterCode(), "OPEN");
                out.add(new Candidate(cell.counterCode(), "OPEN".equals(state), cell.preference(),
                        serviceCount.get(cell.counterCode())));
            }
        }
        return out;
    }

    /**
     * Changes a waiting ticket's priority class. The reason is required; the note, which may name the
     * customer, is stored encrypted and never audited. APPOINTMENT cannot be given (it comes from a
     * booking); an unchanged class is refused.
     */
    public void overridePriority(long ticketId, PriorityClass to, OverrideReason reason, String note) {
        if (to == null) {
            throw FieldValidationException.of("priorityClass", "queueing.validation.priorityClass");
        }
        if (to == PriorityClass.APPOINTMENT) {
            throw FieldValidationException.of("priorityClass", "queueing.validation.priorityAppointment");
        }
        if (reason == null) {
            throw FieldValidationException.of("reason", "queueing.validation.overrideReason");
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > MAX_NOTE) {
            throw FieldValidationException.of("note", "queueing.validation.overrideNote", MAX_NOTE);
        }
        if (reason == OverrideReason.OTHER && trimmed == null) {
            throw FieldValidationException.of("note", "queueing.validation.overrideNoteRequired");
        }
        String actor = CurrentStaff.auditName();
        tx.executeWithoutResult(s -> {
            ConsoleTicket t = store.ticket(ticketId).orElseThrow(() -> new NotFoundException("ticket", String.valueOf(ticketId)));
            CurrentStaff.requireBranch(t.ticket().branchCode());
            if (t.status() != TicketStatus.WAITING) {
                throw new ConflictException("queueing.conflict.notWaiting", t.ticket().number());
            }
            PriorityClass from = t.ticket().priorityClass();
            if (from == to) {
                throw new ConflictException("queueing.conflict.samePriority", t.ticket().number());
            }
            Instant now = clock.instant();
            if (!store.changePriority(ticketId, from, to)) {
                throw new ConflictException("problem.conflict.concurrent");
            }
            store.insertPriorityOverride(ticketId, from, to, reason.name(),
                    trimmed == null ? null : personalData.encrypt(trimmed), actor, now);
            store.insertEvent(ticketId, "PRIORITY_CHANGED", TicketStatus.WAITING, now, actor,
                    "from=" + from + ";to=" + to + ";reason=" + reason);
            audit.success("queueing.priority.override", "ticket:" + ticketId,
                    Map.of("branch", t.ticket().branchCode(), "number", t.ticket().number(), "from", from.name(),
                            "to", to.name(), "reason", reason.name(), "note", trimmed == null ? "no" : "yes"));
            events.publishEvent(new TicketPriorityChanged(ticketId, t.ticket().branchCode(), t.ticket().serviceCode(),
                    t.ticket().number(), from.name(), to.name(), reason.name(), now));
        });
    }
}
