package org.fuwu.queueing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.organization.BranchSummary;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Masking;
import org.fuwu.platform.NotFoundException;
import org.fuwu.queueing.TicketCalled;
import org.fuwu.queueing.TicketCancelled;
import org.fuwu.queueing.TicketCompleted;
import org.fuwu.queueing.TicketNoShow;
import org.fuwu.queueing.TicketServiceStarted;
import org.fuwu.queueing.TicketTransferred;
import org.fuwu.queueing.internal.ConsoleStore.BranchRouting;
import org.fuwu.queueing.internal.ConsoleStore.ConsoleTicket;
import org.fuwu.queueing.internal.ConsoleStore.CounterState;
import org.fuwu.queueing.internal.TicketLifecycle.Action;
import org.fuwu.queueing.internal.TicketLifecycle.IllegalTransition;
import org.fuwu.queueing.internal.TicketLifecycle.Outcome;
import org.fuwu.routing.Decision;
import org.fuwu.routing.PolicyKind;
import org.fuwu.routing.SelectionPolicy;
import org.fuwu.routing.ServerView;
import org.fuwu.routing.WaitingItem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counter console (柜员): call next by the branch's selection policy, and every later step of a ticket
 * (recall, start, complete, no-show, transfer, park and return, cancel), plus a counter's state.
 *
 * <p>Call-next of a branch is serialised by a row lock on the branch's routing row (works across
 * instances on one database), and the ticket update is guarded by its state, so two tellers never get
 * the same ticket. Each step stores a ticket event, is audited and publishes an event, in one transaction.
 */
@Service
public class CounterConsoleService {

    /** Position of a transferred ticket in its new queue. */
    public enum Position { FRONT, BACK }

    /** A counter's state. */
    public enum CounterMode { OPEN, PAUSED, CLOSED }

    /** An identified customer as a teller sees them: masked only. */
    public record CustomerSummary(String customerNumber, String maskedName, String segment,
                                  List<String> preferentialClasses, List<String> maskedIdentities,
                                  List<Visit> recentVisits) {
    }

    /** One of an identified customer's earlier lobby visits (any branch), for the teller's context. */
    public record Visit(LocalDate businessDay, String branchCode, String serviceCode, String number, String status,
                        String outcome, String counterCode) {
    }

    /** How many earlier visits the console shows. */
    static final int RECENT_VISITS = 5;

    /** A ticket as the console shows it; {@code almostTurnSms}: its "almost your turn" SMS (masked number), or null. */
    public record ConsoleView(long id, String number, String branchCode, String serviceCode, String priorityClass,
                              String status, String counterCode, int recalls, int maxRecalls, String explanation,
                              @com.fasterxml.jackson.annotation.JsonIgnore String explanationParts,
                              Instant issuedAt, Instant calledAt, Instant startedAt, String outcome, int overtakes,
                              CustomerSummary customer, TicketService.Notification almostTurnSms) {
    }

    /** One waiting ticket in the snapshot. */
    public record WaitingView(long id, String number, int position, String priorityClass, Instant issuedAt,
                              String targetCounter) {
    }

    /** A counter in the snapshot. */
    public record CounterView(String counterCode, String state, String teller, List<String> services,
                              ConsoleView current) {
    }

    /** The live snapshot of a branch lobby. */
    public record QueueSnapshot(String branchCode, Instant at, String policy, Map<String, List<WaitingView>> waiting,
                                List<CounterView> counters) {
    }

    /** A branch's routing policy settings. */
    public record RoutingSettings(String branchCode, PolicyKind policy, int maxOvertakes, int maxDelayMinutes) {
    }

    private final ConsoleStore console;
    private final QueueingStore store;
    private final LobbyConfigService config;
    private final TicketService tickets;
    private final CustomerDirectory customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TicketLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;

    CounterConsoleService(ConsoleStore console, QueueingStore store, LobbyConfigService config, TicketService tickets,
                          CustomerDirectory customers, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                          QueueingProperties properties, PlatformTransactionManager txManager,
                          @Value("${fuwu.queueing.audit-ticket-steps:true}") boolean auditTicketSteps) {
        this.console = console;
        this.store = store;
        this.config = config;
        this.tickets = tickets;
        this.customers = customers;
        this.audit = new TicketStepAudit(audit, auditTicketSteps);
        this.events = events;
        this.clock = clock;
        this.lifecycle = new TicketLifecycle(properties.maxRecalls());
        this.tx = new TransactionTemplate(txManager);
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- routing settings

    /** Routing rows this instance knows exist. */
    private final KnownRows routingRows = new KnownRows(10_000);

    private void ensureRouting(String branchCode) {
        routingRows.ensure(branchCode, () -> ownTx.executeWithoutResult(s -> console.ensureRouting(branchCode)));
    }

    public RoutingSettings routing(String branchCode) {
        config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        ensureRouting(branchCode);
        BranchRouting r = console.routing(branchCode).orElseThrow();
        return new RoutingSettings(branchCode, r.kind(), r.maxOvertakes(), r.maxDelaySeconds() / 60);
    }

    public RoutingSettings updateRouting(String branchCode, PolicyKind kind, int maxOvertakes, int maxDelayMinutes) {
        config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        ensureRouting(branchCode);
        tx.executeWithoutResult(s -> {
            console.lockRouting(branchCode);
            console.updateRoutingSettings(branchCode, kind, maxOvertakes, maxDelayMinutes * 60);
            audit.success("queueing.routing.update", "branch:" + branchCode,
                    Map.of("policy", kind.name(), "k", String.valueOf(maxOvertakes), "m", String.valueOf(maxDelayMinutes)));
        });
        return routing(branchCode);
    }

    // ---- call next

    /** Calls the next ticket for a counter by the branch's policy; empty when nobody waits for it. */
    public Optional<ConsoleView> callNext(String branchCode, String counterCode) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        Map<String, Integer> preference = servicesOf(branchCode, counterCode);
        ensureRouting(branchCode);
        LocalDate day = config.businessDay(branch);
        String teller = CurrentStaff.get().username();
        String actor = CurrentStaff.auditName();
        Optional<Long> called = tx.execute(s -> {
            BranchRouting routing = console.lockRouting(branchCode);
            requireOpen(branchCode, counterCode);
            if (console.currentAt(branchCode, counterCode).isPresent()) {
                throw new ConflictException("queueing.conflict.counterBusy", counterCode);
            }
            List<ConsoleTicket> waiting = console.waitingFor(branchCode, day, counterCode,
                    List.copyOf(preference.keySet()));
            if (waiting.isEmpty()) {
                return Optional.<Long>empty();
            }
            Map<String, Integer> tiers = new HashMap<>(preference);
            tiers.put(ownQueue(counterCode), 1);
            ServerView server = new ServerView(counterCode, tiers);
            Map<String, ConsoleTicket> byId = new HashMap<>();
            List<WaitingItem> items = new ArrayList<>();
            for (ConsoleTicket t : waiting) {
                byId.put(String.valueOf(t.id()), t);
                items.add(item(t, counterCode));
            }
            Instant now = clock.instant();
            Decision d = SelectionPolicy.of(routing.parameters()).select(server, items, routing.state(), now);
            if (d.chosen() == null) {
                return Optional.<Long>empty();
            }
            ConsoleTicket chosen = byId.get(d.chosen().id());
            String explanation = d.explain();
            if (!console.markCalled(chosen.id(), counterCode, now, teller, explanation, parts(d.explanation()))) {
                throw new ConflictException("queueing.conflict.notWaiting", chosen.ticket().number());
            }
            for (WaitingItem o : d.overtaken()) {
                console.markOvertaken(Long.parseLong(o.id()), now);
                console.insertEvent(Long.parseLong(o.id()), "OVERTAKEN", TicketStatus.WAITING, now, actor,
                        "by=" + chosen.ticket().number() + ";counter=" + counterCode + ";overtakes=" + (o.overtakes() + 1)
                                + ";bound=" + d.fairness().maxOvertakes() + ";reason=" + d.reason().name());
            }
            console.storeState(branchCode, d.nextState());
            long eventId = console.insertEvent(chosen.id(), "CALLED", TicketStatus.CALLED, now, actor,
                    "counter=" + counterCode + ";reason=" + d.reason().name() + ";overtaken=" + d.overtaken().size());
            audit.success("queueing.ticket.call", "ticket:" + chosen.id(),
                    Map.of("number", chosen.ticket().number(), "counter", counterCode, "reason", d.reason().name()));
            events.publishEvent(new TicketCalled(chosen.id(), eventId, branchCode, chosen.ticket().serviceCode(),
                    chosen.ticket().number(), counterCode, counterNumber(counterCode), 0, now));
            return Optional.of(chosen.id());
        });
        return called.map(id -> view(console.ticket(id).orElseThrow()));
    }

    /** The explanation as message parts: reason key|sentence key|chosen|overtaken|overtakes|bound|bound item. */
    static String parts(Decision.Explanation x) {
        Object[] a = x.arguments();
        return String.join("|", x.reason().messageKey(), x.messageKey(), String.valueOf(a[0]), String.valueOf(a[1]),
                String.valueOf(a[2]), String.valueOf(a[3]), String.valueOf(a[4]));
    }

    /** The explanation in a language, from its parts; the stored English text when there are none. */
    public String explanation(ConsoleView t, org.springframework.context.MessageSource messages, Locale locale) {
        if (t.explanationParts() == null) {
            return t.explanation();
        }
        String[] p = t.explanationParts().split("\\|", -1);
        if (p.length != 7) {
            return t.explanation();
        }
        Object[] args = {p[2], p[3], p[4], p[5], p[6]};
        String reason = messages.getMessage(p[0], args, t.explanation(), locale);
        Object[] withReason = {p[2], p[3], p[4], p[5], p[6], reason};
        return messages.getMessage(p[1], withReason, t.explanation(), locale);
    }

    private static String ownQueue(String counterCode) {
        return "@" + counterCode;
    }

    private static WaitingItem item(ConsoleTicket t, String counterCode) {
        org.fuwu.routing.PriorityClass pc = switch (t.ticket().priorityClass()) {
            case ORDINARY -> org.fuwu.routing.PriorityClass.ORDINARY;
            case VIP -> org.fuwu.routing.PriorityClass.VIP;
            case PREFERENTIAL -> org.fuwu.routing.PriorityClass.PREFERENTIAL;
            case APPOINTMENT -> org.fuwu.routing.PriorityClass.APPOINTMENT;
        };
        String queue = t.targetCounter() != null ? ownQueue(counterCode) : t.ticket().serviceCode();
        int vip = pc == org.fuwu.routing.PriorityClass.VIP ? 1 : 0;
        // an appointment ranks from its booked time (ranks_from, set at check-in)
        Instant due = pc == org.fuwu.routing.PriorityClass.APPOINTMENT && t.ranksFrom() == null
                ? t.ticket().issuedAt() : t.ranksFrom();
        return new WaitingItem(String.valueOf(t.id()), t.ticket().number(), queue, pc, vip, t.ticket().issuedAt(),
                t.id(), t.overtakes(), t.overtakes() == 0 ? null : t.firstOvertakenAt(), due);
    }

    /** The number customers see on a counter: the digits of its code without leading zeros (C03 gives 3). */
    static String counterNumber(String counterCode) {
        String digits = counterCode.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return counterCode;
        }
        String n = digits.replaceFirst("^0+", "");
        return n.isEmpty() ? "0" : n;
    }

    private Map<String, Integer> servicesOf(String branchCode, String counterCode) {
        Map<String, Integer> preference = new LinkedHashMap<>();
        for (CounterService cell : store.matrix(branchCode)) {
            if (cell.counterCode().equals(counterCode)) {
                preference.put(cell.serviceCode(), cell.preference());
            }
        }
        if (preference.isEmpty()) {
            throw new NotFoundException("counter", branchCode + "/" + counterCode);
        }
        return preference;
    }

    private void requireOpen(String branchCode, String counterCode) {
        String state = console.counterState(branchCode, counterCode).map(CounterState::state).orElse("OPEN");
        if (!CounterMode.OPEN.name().equals(state)) {
            throw new ConflictException("queueing.conflict.counterNotOpen", counterCode);
        }
    }

    // ---- ticket actions

    /** A ticket of the caller's branches, as the console shows it. */
    public ConsoleView ticket(long id) {
        return view(load(id));
    }

    private ConsoleTicket load(long id) {
        ConsoleTicket t = console.ticket(id).orElseThrow(() -> new NotFoundException("ticket", String.valueOf(id)));
        CurrentStaff.requireBranch(t.ticket().branchCode());
        return t;
    }

    private TicketStatus next(ConsoleTicket t, Action action) {
        try {
            return lifecycle.next(t.status(), action, t.recalls());
        } catch (IllegalTransition e) {
            throw new ConflictException(e.messageKey(), t.ticket().number());
        }
    }

    private static ConflictException raced(ConsoleTicket t) {
        return new ConflictException("problem.conflict.concurrent");
    }

    /** Calls a called ticket again (up to the recall limit); publishes {@link TicketCalled} with its recall number. */
    public ConsoleView recall(long id) {
        return act(id, (t, now, actor) -> {
            next(t, Action.RECALL);
            if (!console.recall(t.id(), t.recalls())) {
                throw raced(t);
            }
            int recall = t.recalls() + 1;
            long eventId = console.insertEvent(t.id(), "RECALLED", TicketStatus.CALLED, now, actor,
                    "counter=" + t.counterCode() + ";recall=" + recall);
            audit.success("queueing.ticket.recall", "ticket:" + t.id(), Map.of("recall", String.valueOf(recall)));
            events.publishEvent(new TicketCalled(t.id(), eventId, t.ticket().branchCode(), t.ticket().serviceCode(),
                    t.ticket().number(), t.counterCode(), counterNumber(t.counterCode()), recall, now));
        });
    }

    public ConsoleView start(long id) {
        return act(id, (t, now, actor) -> {
            move(t, Action.START, now, null, null);
            console.insertEvent(t.id(), "STARTED", TicketStatus.SERVING, now, actor, "counter=" + t.counterCode());
            audit.success("queueing.ticket.start", "ticket:" + t.id());
            events.publishEvent(new TicketServiceStarted(t.id(), t.ticket().branchCode(), t.ticket().serviceCode(),
                    t.ticket().number(), t.counterCode(), CurrentStaff.get().username(), now));
        });
    }

    public ConsoleView complete(long id, Outcome outcome) {
        if (outcome == null) {
            throw FieldValidationException.of("outcome", "queueing.validation.outcome");
        }
        return act(id, (t, now, actor) -> {
            move(t, Action.COMPLETE, now, null, outcome.name());
            console.insertEvent(t.id(), "COMPLETED", TicketStatus.COMPLETED, now, actor,
                    "counter=" + t.counterCode() + ";outcome=" + outcome);
            audit.success("queueing.ticket.complete", "ticket:" + t.id(), Map.of("outcome", outcome.name()));
            events.publishEvent(new TicketCompleted(t.id(), t.ticket().branchCode(), t.ticket().serviceCode(),
                    t.ticket().number(), t.counterCode(), t.servedBy(), outcome.name(), t.ticket().issuedAt(),
                    t.calledAt(), t.startedAt(), now));
        });
    }

    public ConsoleView noShow(long id) {
        return act(id, (t, now, actor) -> {
            move(t, Action.NO_SHOW, now, null, null);
            console.insertEvent(t.id(), "NO_SHOW", TicketStatus.NO_SHOW, now, actor,
                    "counter=" + t.counterCode() + ";recalls=" + t.recalls());
            audit.success("queueing.ticket.noShow", "ticket:" + t.id());
            events.publishEvent(new TicketNoShow(t.id(), t.ticket().branchCode(), t.ticket().serviceCode(),
                    t.ticket().number(), t.counterCode(), now));
        });
    }

    /** Cancels a ticket by staff (waiting, called or parked). */
    public ConsoleView cancel(long id) {
        return act(id, (t, now, actor) -> {
            move(t, Action.CANCEL, now, null, null);
            console.insertEvent(t.id(), "CANCELLED", TicketStatus.CANCELLED, now, actor, "by=staff");
            audit.success("queueing.ticket.cancel", "ticket:" + t.id(), Map.of("number", t.ticket().number()));
            events.publishEvent(new TicketCancelled(t.id(), t.ticket().branchCode(), t.ticket().serviceCode(),
                    t.ticket().number(), now));
        });
    }

    public ConsoleView park(long id) {
        return act(id, (t, now, actor) -> {
            move(t, Action.PARK, now, null, null);
            console.insertEvent(t.id(), "PARKED", TicketStatus.PARKED, now, actor, "counter=" + t.counterCode());
            audit.success("queueing.ticket.park", "ticket:" + t.id());
        });
    }

    /** Calls a parked ticket back to its counter; the board shows it like a call. */
    public ConsoleView returnParked(long id) {
        return act(id, (t, now, actor) -> {
            if (console.currentAt(t.ticket().branchCode(), t.counterCode()).isPresent()) {
                throw new ConflictException("queueing.conflict.counterBusy", t.counterCode());
            }
            move(t, Action.RETURN, now, null, null);
            long eventId = console.insertEvent(t.id(), "RETURNED", TicketStatus.CALLED, now, actor,
                    "counter=" + t.counterCode());
            audit.success("queueing.ticket.return", "ticket:" + t.id());
            events.publishEvent(new TicketCalled(t.id(), eventId, t.ticket().branchCode(), t.ticket().serviceCode(),
                    t.ticket().number(), t.counterCode(), counterNumber(t.counterCode()), t.recalls(), now));
        });
    }

    /**
     * Transfers a called or served ticket to another service and/or counter. It keeps its number and
     * original arrival, and ranks at the front or the back of its new queue
     * (routing's {@link WaitingItem#transferredTo}).
     */
    public ConsoleView transfer(long id, String serviceCode, String counterCode, Position position) {
        if ((serviceCode == null || serviceCode.isBlank()) && (counterCode == null || counterCode.isBlank())) {
            throw FieldValidationException.of("serviceCode", "queueing.validation.transferTarget");
        }
        Position where = position == null ? Position.BACK : position;
        return act(id, (t, now, actor) -> {
            String branchCode = t.ticket().branchCode();
            String service = serviceCode == null || serviceCode.isBlank() ? t.ticket().serviceCode() : serviceCode;
            if (store.service(branchCode, service).isEmpty()) {
                throw FieldValidationException.of("serviceCode", "queueing.validation.unknownService", service);
            }
            String target = counterCode == null || counterCode.isBlank() ? null : counterCode;
            if (target != null && store.matrix(branchCode).stream().noneMatch(c -> c.counterCode().equals(target))) {
                throw FieldValidationException.of("counterCode", "queueing.validation.unknownCounter", target);
            }
            next(t, Action.TRANSFER);
            WaitingItem before = item(t, target == null ? "-" : target);
            Instant ranksFrom;
            if (where == Position.BACK) {
                ranksFrom = now;
            } else {
                LocalDate day = t.ticket().businessDay();
                Instant first = console.waiting(branchCode, day).stream()
                        .filter(w -> target != null ? target.equals(w.targetCounter())
                                : w.targetCounter() == null && w.ticket().serviceCode().equals(service))
                        .map(w -> item(w, "-").orderTime()).min(Comparator.naturalOrder()).orElse(null);
                ranksFrom = first == null || before.orderTime().isBefore(first) ? before.orderTime()
                        : first.minusMillis(1);
            }
            WaitingItem after = before.transferredTo(target != null ? ownQueue(target) : service, ranksFrom);
            if (!console.transfer(t.id(), t.status(), service, target, after.dueTime())) {
                throw raced(t);
            }
            console.insertEvent(t.id(), "TRANSFERRED", TicketStatus.WAITING, now, actor,
                    "from=" + t.ticket().serviceCode() + (t.counterCode() == null ? "" : "@" + t.counterCode()) + ";to=" + service
                            + (target == null ? "" : "@" + target) + ";position=" + where);
            audit.success("queueing.ticket.transfer", "ticket:" + t.id(),
                    Map.of("service", service, "counter", target == null ? "" : target, "position", where.name()));
            events.publishEvent(new TicketTransferred(t.id(), branchCode, t.ticket().serviceCode(), service,
                    target, t.ticket().number(), where.name(), now));
        });
    }

    /** Issues a ticket for a walk-in at the counter and starts serving it at once. */
    public ConsoleView serveWalkIn(String branchCode, String counterCode, String serviceCode) {
        config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        Map<String, Integer> services = servicesOf(branchCode, counterCode);
        if (serviceCode == null || !services.containsKey(serviceCode)) {
            throw FieldValidationException.of("serviceCode", "queueing.validation.notServedHere",
                    String.valueOf(serviceCode));
        }
        requireOpen(branchCode, counterCode);
        if (console.currentAt(branchCode, counterCode).isPresent()) {
            throw new ConflictException("queueing.conflict.counterBusy", counterCode);
        }
        TicketService.IssuedTicket issued = tickets.issue(branchCode,
                new TicketService.IssueRequest(serviceCode, null, null, null, Channel.COUNTER, null));
        String teller = CurrentStaff.get().username();
        String actor = CurrentStaff.auditName();
        tx.executeWithoutResult(s -> {
            ConsoleTicket t = console.ticket(issued.id()).orElseThrow();
            Instant now = clock.instant();
            if (!console.markCalled(t.id(), counterCode, now, teller, "walk-in served directly", null)
                    || !console.transition(t.id(), TicketStatus.CALLED, TicketStatus.SERVING, now, counterCode, teller,
                    null)) {
                throw raced(t);
            }
            console.insertEvent(t.id(), "STARTED", TicketStatus.SERVING, now, actor, "counter=" + counterCode + ";walkIn");
            audit.success("queueing.ticket.walkIn", "ticket:" + t.id(), Map.of("counter", counterCode));
            events.publishEvent(new TicketServiceStarted(t.id(), branchCode, serviceCode, t.ticket().number(),
                    counterCode, teller, now));
        });
        return view(console.ticket(issued.id()).orElseThrow());
    }

    private interface Step {
        void run(ConsoleTicket t, Instant now, String actor);
    }

    private ConsoleView act(long id, Step step) {
        String actor = CurrentStaff.auditName();
        tx.executeWithoutResult(s -> step.run(load(id), clock.instant(), actor));
        return view(console.ticket(id).orElseThrow());
    }

    private void move(ConsoleTicket t, Action action, Instant now, String counterCode, String outcome) {
        TicketStatus to = next(t, action);
        String servedBy = action == Action.START || action == Action.RETURN ? CurrentStaff.get().username() : null;
        if (!console.transition(t.id(), t.status(), to, now, counterCode, servedBy, outcome)) {
            throw raced(t);
        }
    }

    // ---- counters and the snapshot

    /** Opens, pauses or closes a counter; pausing or closing with a ticket at the counter is a conflict. */
    public CounterView setCounterState(String branchCode, String counterCode, CounterMode mode) {
        if (mode == null) {
            throw FieldValidationException.of("state", "queueing.validation.counterState");
        }
        config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        servicesOf(branchCode, counterCode);
        tx.executeWithoutResult(s -> {
            if (mode != CounterMode.OPEN && console.currentAt(branchCode, counterCode).isPresent()) {
                throw new ConflictException("queueing.conflict.counterBusy", counterCode);
            }
            console.putCounterState(branchCode, counterCode, mode.name(),
                    mode == CounterMode.CLOSED ? null : CurrentStaff.get().username(), clock.instant());
            audit.success("queueing.counter.state", "counter:" + branchCode + "/" + counterCode,
                    Map.of("state", mode.name()));
        });
        return counter(branchCode, counterCode);
    }

    /** One counter of the caller's branches with its state and current ticket. */
    public CounterView counter(String branchCode, String counterCode) {
        config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        List<String> services = List.copyOf(servicesOf(branchCode, counterCode).keySet());
        Optional<CounterState> state = console.counterState(branchCode, counterCode);
        return new CounterView(counterCode, state.map(CounterState::state).orElse(CounterMode.OPEN.name()),
                state.map(CounterState::teller).orElse(null), services,
                console.currentAt(branchCode, counterCode).map(this::view).orElse(null));
    }

    /** Parked tickets of a counter. */
    public List<ConsoleView> parked(String branchCode, String counterCode) {
        CurrentStaff.requireBranch(branchCode);
        return console.parkedAt(branchCode, counterCode).stream().map(this::view).toList();
    }

    /** The counters of the lobby matrix of a branch, by code. */
    public Set<String> counterCodes(String branchCode) {
        return store.matrix(branchCode).stream().map(CounterService::counterCode)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Waiting tickets, per service type, with their positions, and every counter with its state. */
    public QueueSnapshot snapshot(String branchCode) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        return tx.execute(s -> {
            Map<String, List<WaitingView>> waiting = new LinkedHashMap<>();
            for (ServiceType st : store.services(branchCode)) {
                waiting.put(st.code(), new ArrayList<>());
            }
            List<ConsoleTicket> all = new ArrayList<>(console.waiting(branchCode, config.businessDay(branch)));
            all.sort(Comparator.comparing((ConsoleTicket t) -> item(t, "-").orderTime()).thenComparingLong(ConsoleTicket::id));
            for (ConsoleTicket t : all) {
                List<WaitingView> list = waiting.computeIfAbsent(t.ticket().serviceCode(), k -> new ArrayList<>());
                list.add(new WaitingView(t.id(), t.ticket().number(), list.size() + 1, t.ticket().priorityClass().name(),
                        t.ticket().issuedAt(), t.targetCounter()));
            }
            List<CounterView> counters = new ArrayList<>();
            for (String c : counterCodes(branchCode)) {
                counters.add(counter(branchCode, c));
            }
            String policy = console.routing(branchCode).map(r -> r.kind().name()).orElse(ConsoleStore.DEFAULT_KIND.name());
            return new QueueSnapshot(branchCode, clock.instant(), policy, waiting, counters);
        });
    }

    /** The overtake records of a ticket, oldest first (who overtook it, and its count against the bound). */
    public List<String> overtakes(long id) {
        load(id);
        return console.eventDetails(id, "OVERTAKEN");
    }

    private ConsoleView view(ConsoleTicket t) {
        CustomerSummary customer = null;
        if (t.ticket().customerId() != null) {
            List<Visit> visits = console.recentOfCustomer(t.ticket().customerId(), t.id(), RECENT_VISITS).stream()
                    .map(v -> new Visit(v.ticket().businessDay(), v.ticket().branchCode(), v.ticket().serviceCode(),
                            v.ticket().number(), v.status().name(), v.outcome(), v.counterCode()))
                    .toList();
            customer = customers.find(t.ticket().customerId()).map(c -> masked(c, visits)).orElse(null);
        }
        return new ConsoleView(t.id(), t.ticket().number(), t.ticket().branchCode(), t.ticket().serviceCode(),
                t.ticket().priorityClass().name(), t.status().name(), t.counterCode(), t.recalls(),
                lifecycle.maxRecalls(), t.explanation(), t.explanationParts(), t.ticket().issuedAt(), t.calledAt(), t.startedAt(), t.outcome(),
                t.overtakes(), customer, tickets.notification(t.notifyRow()));
    }

    static CustomerSummary masked(CustomerRef c, List<Visit> visits) {
        return new CustomerSummary(c.customerNumber(), Masking.keep(c.name(), 1, 0), c.segment().name(),
                c.preferentialClasses().stream().map(Enum::name).sorted().toList(),
                c.identities().stream().map(i -> i.kind().name() + " " + i.masked()).toList(), visits);
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
