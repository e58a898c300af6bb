package org.fuwu.queueing.internal;

import org.fuwu.platform.CustomerTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.OpeningHours;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Identifiers;
import org.fuwu.platform.Masking;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.queueing.internal.AppointmentLateness.Verdict;
import org.fuwu.queueing.internal.AppointmentSlots.Slot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The appointment book (预约): bookable slots, booking (public like tickets, or by staff for a
 * customer), the holder's view and cancellation by an unguessable token, check-in (which issues a
 * ticket merged into the walk-in queue, see {@link AppointmentLateness}) and the missed-appointment rule.
 *
 * <p>Slot capacity holds on any number of instances: a booking locks its service type's row, counts
 * the bookings the slot holds and inserts in the same transaction. A mobile number is stored only
 * encrypted, with its blind index; it is shown masked and never logged or audited.
 */
@Service
public class AppointmentService {

    /** A request for an appointment. {@code customerId} only from staff; otherwise a mobile number is required. */
    public record BookRequest(String serviceCode, Instant slotStart, Long customerId, String mobile, Channel channel,
                              String idempotencyKey) {

        @Override
        public String toString() {
            return "BookRequest[serviceCode=" + serviceCode + ", slotStart=" + slotStart + "]";
        }
    }

    /** An appointment as its holder (or staff) sees it: masked mobile, local time, and its ticket once checked in. */
    public record AppointmentView(Appointment appointment, BranchSummary branch, ServiceType service,
                                  ZonedDateTime localStart, String maskedMobile, String ticketNumber,
                                  String ticketToken) {
    }

    /** The slots of a service on a date. */
    public record DaySlots(BranchSummary branch, ServiceType service, LocalDate date, OpeningHours hours,
                           int slotMinutes, int capacity, List<Slot> slots) {
    }

    /** The result of a check-in: the appointment, its ticket, and how its timing was judged. */
    public record CheckInResult(AppointmentView appointment, TicketService.IssuedTicket ticket, Verdict verdict) {
    }

    private final AppointmentStore store;
    private final QueueingStore queue;
    private final LobbyConfigService config;
    private final LobbySettingsService settings;
    private final LobbyHours hours;
    private final TicketService tickets;
    private final CustomerDirectory customers;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final AppointmentLateness lateness;
    private final TransactionTemplate tx;

    AppointmentService(AppointmentStore store, QueueingStore queue, LobbyConfigService config,
                       LobbySettingsService settings, LobbyHours hours, TicketService tickets,
                       CustomerDirectory customers, PersonalData personalData, AuditLog audit, Clock clock,
                       LobbyScheduleProperties properties, PlatformTransactionManager txManager) {
        this.store = store;
        this.queue = queue;
        this.config = config;
        this.settings = settings;
        this.hours = hours;
        this.tickets = tickets;
        this.customers = customers;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.lateness = properties.lateness();
        this.tx = new TransactionTemplate(txManager);
    }

    public AppointmentLateness lateness() {
        return lateness;
    }

    // ---- slots

    /** The slots of an active service on a date (today when null); public. */
    public DaySlots slots(String branchCode, String serviceCode, LocalDate date) {
        BranchSummary branch = config.branch(branchCode);
        ServiceType service = bookableService(branchCode, serviceCode);
        LocalDate day = date == null ? config.businessDay(branch) : date;
        return daySlots(branch, service, day, clock.instant());
    }

    private DaySlots daySlots(BranchSummary branch, ServiceType service, LocalDate day, Instant now) {
        LobbySettings s = settings.of(branch.code());
        int capacity = capacity(branch.code(), service.code());
        OpeningHours h = hours.on(branch.code(), day);
        Map<Instant, Integer> held = store.heldPerSlot(branch.code(), service.code(), day);
        List<Slot> slots = AppointmentSlots.slots(h, branch.timeZone(), s.slotMinutes(), capacity,
                s.bookingDaysAhead(), held, now);
        return new DaySlots(branch, service, day, h, s.slotMinutes(), capacity, slots);
    }

    /** A service's capacity per slot: its own setting, else the counters that serve it. */
    public int capacity(String branchCode, String serviceCode) {
        return store.capacitySetting(branchCode, serviceCode)
                .orElseGet(() -> queue.countersPerService(branchCode).getOrDefault(serviceCode, 0));
    }

    private ServiceType bookableService(String branchCode, String serviceCode) {
        ServiceType service = queue.service(branchCode, serviceCode == null ? "" : serviceCode)
                .orElseThrow(() -> new NotFoundException("serviceType", branchCode + "/" + serviceCode));
        if (!service.active()) {
            throw new ConflictException("queueing.conflict.serviceInactive", service.code());
        }
        return service;
    }

    // ---- booking

    public AppointmentView book(String branchCode, BookRequest req) {
        BranchSummary branch = config.branch(branchCode);
        boolean byStaff = CurrentStaff.find().isPresent();
        if (byStaff) {
            CurrentStaff.requireBranch(branchCode);
        }
        ServiceType service = bookableService(branchCode, req.serviceCode());
        if (!branch.active()) {
            throw new ConflictException("queueing.conflict.branchInactive", branchCode);
        }
        if (req.idempotencyKey() != null) {
            Optional<Appointment> first = store.byIdempotencyKey(branchCode, req.idempotencyKey());
            if (first.isPresent()) {
                return replay(first.get(), req);
            }
        }
        String mobile = null;
        if (req.customerId() != null) {
            if (!byStaff) {
                throw FieldValidationException.of("customerId", "queueing.validation.customerIdStaffOnly");
            }
            customers.find(req.customerId())
                    .orElseThrow(() -> FieldValidationException.of("customerId", "queueing.validation.unknownCustomer"));
        }
        if (req.mobile() != null && !req.mobile().isBlank()) {
            mobile = Identifiers.normaliseMobile(req.mobile());
            if (!Identifiers.isMobile(mobile)) {
                throw FieldValidationException.of("mobile", "queueing.validation.mobile");
            }
        } else if (req.customerId() == null) {
            throw FieldValidationException.of("mobile", "queueing.validation.mobileRequired");
        }
        if (req.slotStart() == null) {
            throw FieldValidationException.of("slotStart", "queueing.validation.slot");
        }
        String plainMobile = mobile;
        try {
            return tx.execute(s -> insert(branch, service, req, plainMobile));
        } catch (DuplicateKeyException e) {
            if (req.idempotencyKey() != null) {
                Optional<Appointment> first = store.byIdempotencyKey(branchCode, req.idempotencyKey());
                if (first.isPresent()) {
                    return replay(first.get(), req);
                }
            }
            throw e;
        }
    }

    private AppointmentView insert(BranchSummary branch, ServiceType service, BookRequest req, String mobile) {
        store.lockService(branch.code(), service.code());
        Instant now = clock.instant();
        LocalDate day = req.slotStart().atZone(branch.timeZone()).toLocalDate();
        DaySlots day0 = daySlots(branch, service, day, now);
        Optional<Slot> slot = day0.slots().stream().filter(x -> x.start().equals(req.slotStart())).findFirst();
        if (slot.isEmpty()) {
            throw FieldValidationException.of("slotStart", "queueing.validation.slot");
        }
        if (slot.get().remaining() <= 0) {
            throw new ConflictException("queueing.conflict.slotFull", slot.get().time().toString());
        }
        Appointment a = new Appointment(0, branch.code(), service.code(), day, req.slotStart(), day0.slotMinutes(),
                req.slotStart(), Appointment.Status.BOOKED, req.customerId(),
                mobile == null ? null : personalData.encrypt(mobile), CustomerTokens.next(), null,
                req.channel() == null ? Channel.MOBILE : req.channel(), now, null, 0);
        long id = store.insert(a, mobile == null ? null : personalData.blindIndex("mobile", mobile),
                req.idempotencyKey());
        audit.success("queueing.appointment.book", "appointment:" + id,
                Map.of("branch", branch.code(), "service", service.code(), "slot", req.slotStart().toString()));
        return view(store.byToken(a.token()).orElseThrow());
    }

    private AppointmentView replay(Appointment first, BookRequest req) {
        if (!first.serviceCode().equals(req.serviceCode()) || !first.bookedSlotStart().equals(req.slotStart())) {
            throw new ConflictException("queueing.conflict.idempotencyKeyReused");
        }
        return view(first);
    }

    // ---- by token

    public AppointmentView view(String token) {
        return view(byToken(token));
    }

    private Appointment byToken(String token) {
        if (!CustomerTokens.wellFormed(token)) {
            throw new NotFoundException("appointment", "?");
        }
        return store.byToken(token).orElseThrow(() -> new NotFoundException("appointment", "?"));
    }

    AppointmentView view(Appointment a) {
        BranchSummary branch = config.branch(a.branchCode());
        ServiceType service = queue.service(a.branchCode(), a.serviceCode()).orElseThrow();
        String masked = a.mobileEnc() == null ? null : Masking.mobile(personalData.decrypt(a.mobileEnc()));
        String number = null;
        String ticketToken = null;
        if (a.ticketId() != null) {
            Optional<Ticket> t = queue.ticketById(a.ticketId());
            number = t.map(Ticket::number).orElse(null);
            ticketToken = t.map(Ticket::statusToken).orElse(null);
        }
        return new AppointmentView(a, branch, service, a.slotStart().atZone(branch.timeZone()), masked, number,
                ticketToken);
    }

    /** Cancels a booked appointment by its token; 409 unless it is BOOKED (or CARRIED_OVER). */
    public AppointmentView cancel(String token) {
        return tx.execute(s -> {
            Appointment a = byToken(token);
            Instant now = clock.instant();
            if (!store.changeStatus(a.id(), Appointment.Status.BOOKED, Appointment.Status.CANCELLED, now)
                    && !store.changeStatus(a.id(), Appointment.Status.CARRIED_OVER, Appointment.Status.CANCELLED, now)) {
                throw new ConflictException("queueing.conflict.appointmentNotBooked");
            }
            audit.success("queueing.appointment.cancel", "appointment:" + a.id());
            return view(store.byToken(token).orElseThrow());
        });
    }

    /**
     * Checks an appointment in: issues its ticket. On time (from {@code earliestCheckIn} before the slot to
     * {@code grace} after its start) the ticket is an APPOINTMENT ranking from the booked time; later, until
     * the slot ends plus the grace, it is an ordinary walk-in ranking from now; after that the appointment is
     * missed (409). A second check-in of the same appointment gives its ticket again.
     */
    public CheckInResult checkIn(String token) {
        Appointment a = byToken(token);
        BranchSummary branch = config.branch(a.branchCode());
        if (a.status() == Appointment.Status.CHECKED_IN && a.ticketId() != null) {
            Ticket t = queue.ticketById(a.ticketId()).orElseThrow();
            TicketService.TicketStatusView sv = tickets.status(t.statusToken());
            return new CheckInResult(view(a), new TicketService.IssuedTicket(t.id(), t.number(), t.serviceCode(),
                    sv.position(), sv.estimatedWait(), t.statusToken(), t.branchCode()), null);
        }
        if (a.status() != Appointment.Status.BOOKED) {
            throw new ConflictException("queueing.conflict.appointmentNotBooked");
        }
        Instant now = clock.instant();
        Verdict verdict = lateness.judge(a.slotStart(), a.slotLength(), now);
        switch (verdict) {
            case TOO_EARLY -> throw new ConflictException("queueing.conflict.checkInTooEarly",
                    a.slotStart().minus(lateness.earliestCheckIn()).atZone(branch.timeZone()).toLocalTime().toString());
            case MISSED -> {
                tx.executeWithoutResult(s -> markMissed(a, now));
                throw new ConflictException("queueing.conflict.appointmentMissed");
            }
            default -> { }
        }
        hours.requireOpen(branch);
        ServiceType service = bookableService(a.branchCode(), a.serviceCode());
        PriorityClass byCustomer = PriorityClass.of(a.customerId() == null ? null
                : customers.find(a.customerId()).orElse(null));
        PriorityClass priority;
        Instant ranksFrom;
        if (verdict == Verdict.ON_TIME) {
            // the law's priority for preferential customers wins; everyone else is served as booked
            priority = byCustomer == PriorityClass.PREFERENTIAL ? PriorityClass.PREFERENTIAL : PriorityClass.APPOINTMENT;
            ranksFrom = priority == PriorityClass.APPOINTMENT ? a.slotStart() : null;
        } else {
            priority = byCustomer;
            ranksFrom = null;
        }
        tickets.prepareNumber(branch, service);
        TicketService.IssuedTicket ticket = tx.execute(s -> {
            TicketService.IssuedTicket t = tickets.issueForAppointment(branch, service, priority, a.customerId(),
                    ranksFrom, String.valueOf(a.id()));
            if (!store.markCheckedIn(a.id(), t.id(), now)) {
                throw new ConflictException("queueing.conflict.appointmentNotBooked");
            }
            audit.success("queueing.appointment.checkIn", "appointment:" + a.id(),
                    Map.of("ticket", String.valueOf(t.id()), "verdict", verdict.name()));
            return t;
        });
        return new CheckInResult(view(store.byToken(token).orElseThrow()), ticket, verdict);
    }

    private void markMissed(Appointment a, Instant now) {
        if (store.changeStatus(a.id(), Appointment.Status.BOOKED, Appointment.Status.MISSED, now)) {
            audit.success("queueing.appointment.missed", "appointment:" + a.id());
        }
    }

    /**
     * Marks every booked appointment not checked in by the end of its slot plus the grace as MISSED
     * (conditional updates: safe when several instances run it). Gives how many it marked.
     */
    public int markMissed() {
        Instant now = clock.instant();
        int[] n = {0};
        tx.executeWithoutResult(s -> {
            for (Appointment a : store.bookedStartedBefore(now)) {
                if (lateness.missedAfter(a.slotStart(), a.slotLength()).isBefore(now)
                        && store.changeStatus(a.id(), Appointment.Status.BOOKED, Appointment.Status.MISSED, now)) {
                    n[0]++;
                }
            }
        });
        return n[0];
    }

    // ---- staff

    /** The appointments of a branch on a business day, for its staff. */
    public List<AppointmentView> ofDay(String branchCode, LocalDate date) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        LocalDate day = date == null ? config.businessDay(branch) : date;
        return store.ofDay(branchCode, day).stream().map(this::view).toList();
    }

    /** Sets how many bookings a slot of a service takes (null: as many as counters serve it; 0: not bookable). */
    public int setCapacity(String branchCode, String serviceCode, Integer capacity) {
        config.service(branchCode, serviceCode);
        if (capacity != null && (capacity < 0 || capacity > 100)) {
            throw FieldValidationException.of("capacity", "queueing.validation.capacity");
        }
        tx.executeWithoutResult(s -> {
            store.setCapacity(branchCode, serviceCode, capacity);
            audit.success("queueing.appointment.capacity", "service:" + branchCode + "/" + serviceCode,
                    Map.of("capacity", capacity == null ? "counters" : String.valueOf(capacity)));
        });
        return capacity(branchCode, serviceCode);
    }
}
