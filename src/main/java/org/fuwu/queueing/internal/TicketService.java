package org.fuwu.queueing.internal;

import org.fuwu.platform.CustomerTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.IdentityKind;
import org.fuwu.organization.BranchSummary;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Identifiers;
import org.fuwu.platform.Masking;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.queueing.TicketCancelled;
import org.fuwu.queueing.TicketCheckedIn;
import org.fuwu.queueing.TicketIssued;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking a ticket, reading its status by token, and cancelling it.
 *
 * <p>Numbers are gapless per branch, business day and prefix: the number counter row is updated
 * (and so locked) in the same transaction that inserts the ticket, so concurrent issuers on any
 * number of instances queue on that row, and a rolled-back issue gives its number back. The
 * counter row itself is created beforehand in a transaction of its own, so that a race to create it
 * never aborts an issue.
 */
@Service
public class TicketService {

    /** What a customer is told on issue. */
    public record IssuedTicket(long id, String number, String serviceCode, int position, WaitEstimate estimatedWait,
                               String statusToken, String branchCode) {
    }

    /** A ticket's status as its holder sees it; position and estimate are 0 once it no longer waits. */
    public record TicketStatusView(Ticket ticket, ServiceType service, BranchSummary branch, int position,
                                   WaitEstimate estimatedWait, Notification notification) {

        public TicketStatusView(Ticket ticket, ServiceType service, BranchSummary branch, int position,
                                WaitEstimate estimatedWait) {
            this(ticket, service, branch, position, estimatedWait, null);
        }
    }

    /**
     * The "almost your turn" SMS of a ticket, as its holder and staff may see it.
     *
     * @param maskedMobile the number, masked ({@code 138****5678})
     * @param language zh-CN or en
     * @param notifiedAt when the message was sent (claimed), or null while it is not yet due
     * @param outcome PENDING, ACCEPTED, REJECTED or FAILED once sent; null before
     */
    public record Notification(String maskedMobile, String language, Instant notifiedAt, String outcome) {
    }

    /**
     * A request for a ticket.
     *
     * @param serviceCode the service type
     * @param customerId the customer, when a staff member issues on their behalf (never from an anonymous caller)
     * @param identityKind with {@code identity}: identification at the kiosk, looked up and then forgotten
     * @param identity the raw identifier; never stored, never logged
     * @param channel where the ticket is taken
     * @param idempotencyKey a replay with the same key returns the first ticket
     * @param notifyMobile a mobile number for the "almost your turn" SMS, given by the customer, or null;
     *        stored only encrypted, never logged
     * @param notifyLanguage the language of that SMS ({@code zh-CN} or {@code en}); null: zh-CN
     */
    public record IssueRequest(String serviceCode, Long customerId, IdentityKind identityKind, String identity,
                               Channel channel, String idempotencyKey, String notifyMobile, String notifyLanguage) {

        public IssueRequest(String serviceCode, Long customerId, IdentityKind identityKind, String identity,
                            Channel channel, String idempotencyKey) {
            this(serviceCode, customerId, identityKind, identity, channel, idempotencyKey, null, null);
        }

        @Override
        public String toString() {
            return "IssueRequest[serviceCode=" + serviceCode + ", channel=" + channel + "]";
        }
    }

    private final QueueingStore store;
    private final LobbyConfigService config;
    private final CustomerDirectory customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final LobbyHours hours;
    private final LobbySettingsService settings;
    private final LobbyWaitEstimator estimator;
    private final PersonalData personalData;
    private final AlmostTurnNotifier notifier;

    TicketService(QueueingStore store, LobbyConfigService config, CustomerDirectory customers, AuditLog audit,
                  ApplicationEventPublisher events, Clock clock, PlatformTransactionManager txManager,
                  @Value("${fuwu.queueing.audit-ticket-steps:true}") boolean auditTicketSteps,
                  LobbyHours hours, LobbySettingsService settings, LobbyWaitEstimator estimator,
                  PersonalData personalData, AlmostTurnNotifier notifier) {
        this.personalData = personalData;
        this.notifier = notifier;
        this.hours = hours;
        this.settings = settings;
        this.estimator = estimator;
        this.store = store;
        this.config = config;
        this.customers = customers;
        this.audit = new TicketStepAudit(audit, auditTicketSteps);
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public IssuedTicket issue(String branchCode, IssueRequest req) {
        BranchSummary branch = config.branch(branchCode);
        Optional<StaffPrincipal> staff = CurrentStaff.find();
        if (staff.isPresent()) {
            CurrentStaff.requireBranch(branchCode);
        }
        ServiceType service = store.service(branchCode, req.serviceCode())
                .orElseThrow(() -> new NotFoundException("serviceType", branchCode + "/" + req.serviceCode()));
        if (!branch.active()) {
            throw new ConflictException("queueing.conflict.branchInactive", branchCode);
        }
        if (!service.active()) {
            throw new ConflictException("queueing.conflict.serviceInactive", service.code());
        }
        String notifyMobile = notifyMobile(req.notifyMobile());
        String notifyLanguage = language(req.notifyLanguage());
        if (req.idempotencyKey() != null) {
            Optional<Ticket> first = store.ticketByIdempotencyKey(branchCode, req.idempotencyKey());
            if (first.isPresent()) {
                return replay(first.get(), req);
            }
        }
        if (req.channel() != Channel.COUNTER) {
            // a teller may still serve a walk-in after hours; every other channel follows the opening hours
            hours.requireOpen(branch);
        }
        PriorityClass priority = PriorityClass.of(customer(req, staff.isPresent()));
        LocalDate day = config.businessDay(branch);
        TicketStatus initial = req.channel() == Channel.MOBILE && settings.of(branchCode).remoteCheckInRequired()
                ? TicketStatus.AWAITING_CHECK_IN : TicketStatus.WAITING;
        prepareNumber(branchCode, day, service.prefix());
        try {
            return tx.execute(s -> {
                IssuedTicket t = insert(branch, service, day, priority, req, staff, initial, null, null);
                if (notifyMobile != null) {
                    store.setNotifyMobile(t.id(), personalData.encrypt(notifyMobile), notifyLanguage);
                    // the issue's own lobby event evaluates the branch after this commit
                }
                return t;
            });
        } catch (DuplicateKeyException e) {
            if (req.idempotencyKey() != null) {
                Optional<Ticket> first = store.ticketByIdempotencyKey(branchCode, req.idempotencyKey());
                if (first.isPresent()) {
                    return replay(first.get(), req);
                }
            }
            throw e;
        }
    }

    /**
     * A notification number as given: null for none; otherwise normalised (spaces, dashes, +86 removed) and
     * checked as a mainland mobile number, or 422 naming {@code notifyMobile}.
     */
    static String notifyMobile(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String m = Identifiers.normaliseMobile(raw.strip());
        if (!Identifiers.isMobile(m)) {
            throw FieldValidationException.of("notifyMobile", "queueing.validation.mobile");
        }
        return m;
    }

    /** The stored language of a notification: zh-CN or en; null (so zh-CN) when none is given. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().replace('_', '-').toLowerCase(java.util.Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-")) {
            return "zh-CN";
        }
        if (t.equals("en") || t.startsWith("en-")) {
            return "en";
        }
        throw FieldValidationException.of("notifyLanguage", "queueing.validation.notifyLanguage");
    }

    /**
     * Gives (or changes) the "almost your turn" number of a ticket by its token, from its status page: while
     * it waits or awaits check-in and has not been notified; 409 otherwise, 422 naming {@code notifyMobile}
     * for a bad number. The branch is evaluated after the commit, so a ticket already near its turn is told.
     */
    public TicketStatusView setNotifyMobile(String token, String mobile, String languageTag) {
        String m = notifyMobile(mobile);
        if (m == null) {
            throw FieldValidationException.of("notifyMobile", "queueing.validation.mobileRequired");
        }
        String lang = language(languageTag);
        return tx.execute(s -> {
            Ticket t = byToken(token);
            if (!store.setNotifyMobile(t.id(), personalData.encrypt(m), lang)) {
                throw new ConflictException("queueing.conflict.notifyClosed", t.number());
            }
            store.insertEvent(t.id(), "NOTIFY_MOBILE_SET", t.status(), clock.instant(),
                    actor(CurrentStaff.find(), Channel.MOBILE), "by=statusToken");
            notifier.evaluateAfterCommit(t.branchCode());
            return view(t);
        });
    }

    /** The notification of a ticket, masked; null when it has none. */
    public Notification notification(long ticketId) {
        return store.notifyRow(ticketId).map(this::notification).orElse(null);
    }

    /** A ticket's notification as staff and its holder see it (the number masked), from its stored row. */
    Notification notification(QueueingStore.NotifyRow r) {
        return r == null ? null : new Notification(Masking.mobile(personalData.decrypt(r.mobileEnc())),
                r.language() == null ? "zh-CN" : r.language(), r.notifiedAt(), r.outcome());
    }

    private CustomerRef customer(IssueRequest req, boolean byStaff) {
        if (req.customerId() != null) {
            if (!byStaff) {
                throw FieldValidationException.of("customerId", "queueing.validation.customerIdStaffOnly");
            }
            return customers.find(req.customerId())
                    .orElseThrow(() -> FieldValidationException.of("customerId", "queueing.validation.unknownCustomer"));
        }
        if (req.identityKind() != null && req.identity() != null && !req.identity().isBlank()) {
            return customers.findByIdentity(req.identityKind(), req.identity()).orElse(null);
        }
        return null;
    }

    private IssuedTicket insert(BranchSummary branch, ServiceType service, LocalDate day, PriorityClass priority,
                                IssueRequest req, Optional<StaffPrincipal> staff, TicketStatus initial,
                                Instant ranksFrom, String appointment) {
        int seq = store.nextNumber(branch.code(), day, service.prefix());
        String number = service.prefix() + "%03d".formatted(seq);
        int ahead = store.waitingPerService(branch.code(), day).getOrDefault(service.code(), 0);
        WaitEstimate estimate = estimator.estimate(branch, service, ahead);
        Instant now = clock.instant();
        Long customerId = req.customerId();
        Ticket t = new Ticket(0, branch.code(), service.code(), day, number, initial, priority, customerId,
                req.channel(), CustomerTokens.next(), estimate, now);
        long id = store.insertTicket(t, service.prefix(), seq, req.idempotencyKey());
        if (ranksFrom != null) {
            store.setRanksFrom(id, ranksFrom);
        }
        String actor = actor(staff, req.channel());
        store.insertEvent(id, "ISSUED", initial, now, actor,
                "channel=" + req.channel() + ";priority=" + priority
                        + (appointment == null ? "" : ";appointment=" + appointment)
                        + (ranksFrom == null ? "" : ";ranksFrom=" + ranksFrom));
        audit.success("queueing.ticket.issue", "ticket:" + id,
                Map.of("number", number, "branch", branch.code(), "channel", req.channel().name()));
        events.publishEvent(new TicketIssued(id, branch.code(), service.code(), number, priority.name(),
                req.channel().name(), now));
        return new IssuedTicket(id, number, service.code(), ahead + 1, estimate, t.statusToken(), branch.code());
    }

    private static String actor(Optional<StaffPrincipal> staff, Channel channel) {
        return staff.map(StaffPrincipal::auditName).orElse("public:" + channel.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The first ticket of an Idempotency-Key; a key reused for another service is a conflict (409). */
    private IssuedTicket replay(Ticket first, IssueRequest req) {
        if (!first.serviceCode().equals(req.serviceCode())) {
            throw new ConflictException("queueing.conflict.idempotencyKeyReused");
        }
        return issued(first);
    }

    private IssuedTicket issued(Ticket t) {
        TicketStatusView v = view(t);
        return new IssuedTicket(t.id(), t.number(), t.serviceCode(), v.position(), v.estimatedWait(), t.statusToken(),
                t.branchCode());
    }

    /** The status of a ticket by its token; 404 for an unknown or malformed token. */
    public TicketStatusView status(String token) {
        return tx.execute(s -> view(byToken(token)));
    }

    private Ticket byToken(String token) {
        if (!CustomerTokens.wellFormed(token)) {
            throw new NotFoundException("ticket", "?");
        }
        return store.ticketByToken(token).orElseThrow(() -> new NotFoundException("ticket", "?"));
    }

    private TicketStatusView view(Ticket t) {
        BranchSummary branch = config.branch(t.branchCode());
        ServiceType service = store.service(t.branchCode(), t.serviceCode()).orElseThrow();
        Notification n = notification(t.id());
        if (t.status() != TicketStatus.WAITING && t.status() != TicketStatus.AWAITING_CHECK_IN) {
            return new TicketStatusView(t, service, branch, 0, new WaitEstimate(0, 0), n);
        }
        // a ticket awaiting check-in holds its place: the position it will have once checked in
        int ahead = store.waitingAhead(t.branchCode(), t.serviceCode(), t.businessDay(), t.id());
        return new TicketStatusView(t, service, branch, ahead + 1, estimator.estimate(branch, service, ahead), n);
    }

    /**
     * Issues the ticket of an appointment at its check-in, inside the caller's transaction (the caller made
     * sure the number counter exists with {@link #prepareNumber}): the class and the time it ranks from
     * come from {@link AppointmentLateness}; no idempotency key (the appointment is checked in once).
     */
    IssuedTicket issueForAppointment(BranchSummary branch, ServiceType service, PriorityClass priority, Long customerId,
                                     Instant ranksFrom, String appointmentRef) {
        LocalDate day = config.businessDay(branch);
        return insert(branch, service, day, priority,
                new IssueRequest(service.code(), customerId, null, null, Channel.MOBILE, null), CurrentStaff.find(),
                TicketStatus.WAITING, ranksFrom, appointmentRef);
    }

    /** Creates today's number counter of a service in its own transaction (see the class comment). */
    void prepareNumber(BranchSummary branch, ServiceType service) {
        prepareNumber(branch.code(), config.businessDay(branch), service.prefix());
    }

    /** Number counter rows this instance knows exist. */
    private final KnownRows numberCounters = new KnownRows(10_000);

    private void prepareNumber(String branchCode, LocalDate day, String prefix) {
        numberCounters.ensure(branchCode + "|" + day + "|" + prefix,
                () -> ownTx.executeWithoutResult(s -> store.ensureNumberCounter(branchCode, day, prefix)));
    }

    /**
     * Checks in a remote ticket that waits for its holder's arrival (by its token, from the status page):
     * it joins the queue keeping its original issue time as its place. 409 when it does not await check-in
     * or the branch is closed.
     */
    public TicketStatusView checkIn(String token) {
        return tx.execute(s -> {
            Ticket t = byToken(token);
            checkIn(t, "by=statusToken");
            return view(store.ticketByToken(token).orElseThrow());
        });
    }

    /** Checks in today's remote ticket of a branch by its number (typed at the kiosk); 404 for none awaiting. */
    public TicketStatusView checkInByNumber(String branchCode, String number) {
        BranchSummary branch = config.branch(branchCode);
        String n = number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT);
        return tx.execute(s -> {
            Ticket t = store.ticketByNumber(branchCode, config.businessDay(branch), n)
                    .filter(x -> x.status() == TicketStatus.AWAITING_CHECK_IN)
                    .orElseThrow(() -> new NotFoundException("ticket", n));
            checkIn(t, "by=kiosk");
            return view(store.ticketByToken(t.statusToken()).orElseThrow());
        });
    }

    private void checkIn(Ticket t, String by) {
        if (t.status() != TicketStatus.AWAITING_CHECK_IN) {
            throw new ConflictException("queueing.conflict.notAwaitingCheckIn", t.number());
        }
        hours.requireOpen(config.branch(t.branchCode()));
        Instant now = clock.instant();
        if (!store.changeStatus(t.id(), TicketStatus.AWAITING_CHECK_IN, TicketStatus.WAITING, null)) {
            throw new ConflictException("queueing.conflict.notAwaitingCheckIn", t.number());
        }
        store.insertEvent(t.id(), "CHECKED_IN", TicketStatus.WAITING, now,
                actor(CurrentStaff.find(), Channel.MOBILE), by);
        events.publishEvent(new TicketCheckedIn(t.id(), t.branchCode(), t.serviceCode(), t.number(), now));
    }

    /** Cancels a waiting ticket (or one awaiting check-in) by its token (its holder's own); 409 when it no longer waits. */
    public TicketStatusView cancel(String token) {
        return tx.execute(s -> {
            Ticket t = byToken(token);
            Instant now = clock.instant();
            if (!store.changeStatus(t.id(), TicketStatus.WAITING, TicketStatus.CANCELLED, now)
                    && !store.changeStatus(t.id(), TicketStatus.AWAITING_CHECK_IN, TicketStatus.CANCELLED, now)) {
                throw new ConflictException("queueing.conflict.notWaiting", t.number());
            }
            store.insertEvent(t.id(), "CANCELLED", TicketStatus.CANCELLED, now,
                    actor(CurrentStaff.find(), Channel.MOBILE), "by=statusToken");
            audit.success("queueing.ticket.cancel", "ticket:" + t.id(), Map.of("number", t.number()));
            events.publishEvent(new TicketCancelled(t.id(), t.branchCode(), t.serviceCode(), t.number(), now));
            return view(store.ticketByToken(token).orElseThrow());
        });
    }
}
