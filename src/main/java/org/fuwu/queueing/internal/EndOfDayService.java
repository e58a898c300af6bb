package org.fuwu.queueing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.organization.OpeningHours;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.queueing.TicketClosedAtEndOfDay;
import org.fuwu.queueing.internal.AppointmentSlots.Slot;
import org.fuwu.queueing.internal.ConsoleStore.ConsoleTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a branch's day (日终).
 *
 * <ul>
 *   <li>Every ticket of that day or earlier still AWAITING_CHECK_IN, WAITING, CALLED or PARKED closes with the
 *       outcome "not served, branch closed": status CANCELLED, outcome {@code BRANCH_CLOSED}, a durable
 *       {@code CLOSED_EOD} ticket event and {@link TicketClosedAtEndOfDay}. A ticket in service (SERVING) is
 *       left to its teller, who completes it: the customer is at the counter.</li>
 *   <li>Appointments of that day or earlier still BOOKED are MISSED.</li>
 *   <li>Later bookings carry over: those for an open day stay as they are; one whose day is now closed (a
 *       holiday added after booking, changed hours) moves to the same time on the next day the branch is open
 *       if that slot has room, else it is flagged CARRIED_OVER for staff to arrange.</li>
 * </ul>
 *
 * <p>Several instances: the scheduled run claims the branch's day by inserting its {@code queue_end_of_day}
 * row in a transaction of its own (one instance wins; the others skip), and every change is a conditional
 * update (a ticket closes only from the state it was read in; an appointment moves only at the version it
 * was read at), so a manual run racing the job changes nothing twice. Audited as {@code queueing.endOfDay.run}.
 */
@Service
public class EndOfDayService {

    private static final Logger log = LoggerFactory.getLogger(EndOfDayService.class);

    /** What one run did. {@code firstRun} is false when the day had been closed before (the counts are this run's). */
    public record EndOfDayResult(String branchCode, LocalDate businessDay, int closedTickets, int movedAppointments,
                                 int carriedOver, int missed, boolean firstRun) {
    }

    private static final List<TicketStatus> CLOSED_AT_END = List.of(TicketStatus.AWAITING_CHECK_IN,
            TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.PARKED);

    private final JdbcClient jdbc;
    private final ConsoleStore console;
    private final AppointmentStore appointments;
    private final AppointmentService appointmentService;
    private final LobbyConfigService config;
    private final LobbySettingsService settings;
    private final LobbyHours hours;
    private final Branches branches;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;

    EndOfDayService(JdbcClient jdbc, ConsoleStore console, AppointmentStore appointments,
                    AppointmentService appointmentService, LobbyConfigService config, LobbySettingsService settings,
                    LobbyHours hours, Branches branches, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                    PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.console = console;
        this.appointments = appointments;
        this.appointmentService = appointmentService;
        this.config = config;
        this.settings = settings;
        this.hours = hours;
        this.branches = branches;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Ends a branch's current business day now (a lobby manager or administrator of that branch). */
    public EndOfDayResult run(String branchCode) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        LocalDate day = config.businessDay(branch);
        boolean first = claim(branchCode, day);
        return close(branch, day, first);
    }

    /**
     * The scheduled run: every active branch whose business day has ended (past its closing time, or a day
     * it does not open) and has not been closed yet. Gives the runs it made.
     */
    public List<EndOfDayResult> runDue() {
        List<EndOfDayResult> done = new ArrayList<>();
        for (BranchSummary branch : branches.all()) {
            if (branch.active()) {
                try {
                    runIfDue(branch).ifPresent(done::add);
                } catch (RuntimeException e) {
                    // the day stays claimed; the next day's run closes what this one left (it takes every earlier day)
                    log.warn("End of day of branch {} failed: {}", branch.code(), e.toString());
                }
            }
        }
        return done;
    }

    /** The scheduled run for one branch: its day, once, when the day has ended; empty when not due or done. */
    public Optional<EndOfDayResult> runIfDue(String branchCode) {
        return runIfDue(config.branch(branchCode));
    }

    private Optional<EndOfDayResult> runIfDue(BranchSummary branch) {
        Instant now = clock.instant();
        LocalDate day = now.atZone(branch.timeZone()).toLocalDate();
        Optional<ZonedDateTime> closes = BranchOpening.closingOn(d -> hours.on(branch.code(), d), branch.timeZone(), day);
        if (closes.isPresent() && now.isBefore(closes.get().toInstant())) {
            return Optional.empty();
        }
        if (alreadyRun(branch.code(), day) || !claim(branch.code(), day)) {
            return Optional.empty();
        }
        return Optional.of(close(branch, day, true));
    }

    private boolean alreadyRun(String branchCode, LocalDate day) {
        return jdbc.sql("select count(*) from queue_end_of_day where branch_code = :b and business_day = :d")
                .param("b", branchCode).param("d", day).query(Long.class).single() > 0;
    }

    /** Inserts the day's row in a transaction of its own; false when it was there already (another run). */
    private boolean claim(String branchCode, LocalDate day) {
        String actor = CurrentStaff.auditName();
        try {
            return Boolean.TRUE.equals(ownTx.execute(s -> {
                if (alreadyRun(branchCode, day)) {
                    return false;
                }
                jdbc.sql("""
                        insert into queue_end_of_day (branch_code, business_day, ran_at, actor, closed_tickets,
                            moved_appointments, carried_over, missed) values (:b, :d, :at, :actor, 0, 0, 0, 0)""")
                        .param("b", branchCode).param("d", day).param("at", Timestamp.from(clock.instant()))
                        .param("actor", actor).update();
                return true;
            }));
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    private EndOfDayResult close(BranchSummary branch, LocalDate day, boolean first) {
        String actor = CurrentStaff.auditName();
        return tx.execute(s -> {
            Instant now = clock.instant();
            int closed = 0;
            for (ConsoleTicket t : openTickets(branch.code(), day)) {
                if (console.transition(t.id(), t.status(), TicketStatus.CANCELLED, now, null, null,
                        TicketLifecycle.BRANCH_CLOSED)) {
                    console.insertEvent(t.id(), "CLOSED_EOD", TicketStatus.CANCELLED, now, actor,
                            "outcome=" + TicketLifecycle.BRANCH_CLOSED + ";from=" + t.status() + ";day=" + day);
                    events.publishEvent(new TicketClosedAtEndOfDay(t.id(), branch.code(), t.ticket().serviceCode(),
                            t.ticket().number(), t.status().name(), now));
                    closed++;
                }
            }
            int missed = 0;
            for (Appointment a : appointments.bookedUpTo(branch.code(), day)) {
                if (appointments.changeStatus(a.id(), Appointment.Status.BOOKED, Appointment.Status.MISSED, now)) {
                    missed++;
                }
            }
            int[] carry = carryOver(branch, day, now);
            jdbc.sql("""
                    update queue_end_of_day set closed_tickets = closed_tickets + :c, moved_appointments = moved_appointments + :m,
                        carried_over = carried_over + :k, missed = missed + :x where branch_code = :b and business_day = :d""")
                    .param("c", closed).param("m", carry[0]).param("k", carry[1]).param("x", missed)
                    .param("b", branch.code()).param("d", day).update();
            audit.success("queueing.endOfDay.run", "branch:" + branch.code(), Map.of("day", day.toString(),
                    "closedTickets", String.valueOf(closed), "movedAppointments", String.valueOf(carry[0]),
                    "carriedOver", String.valueOf(carry[1]), "missed", String.valueOf(missed),
                    "firstRun", String.valueOf(first)));
            return new EndOfDayResult(branch.code(), day, closed, carry[0], carry[1], missed, first);
        });
    }

    private List<ConsoleTicket> openTickets(String branchCode, LocalDate day) {
        List<String> statuses = CLOSED_AT_END.stream().map(Enum::name).toList();
        return jdbc.sql("select id from queue_ticket where branch_code = :b and business_day <= :d and status in (:s)"
                        + " order by id")
                .param("b", branchCode).param("d", day).param("s", statuses).query(Long.class).list().stream()
                .map(id -> console.ticket(id).orElseThrow()).toList();
    }

    /** Moves or flags the bookings of later days that the branch no longer opens for; gives {moved, carried over}. */
    private int[] carryOver(BranchSummary branch, LocalDate day, Instant now) {
        int moved = 0;
        int carried = 0;
        LobbySettings s = settings.of(branch.code());
        for (Appointment a : appointments.bookedAfter(branch.code(), day)) {
            OpeningHours h = hours.on(branch.code(), a.businessDay());
            LocalTime at = a.slotStart().atZone(branch.timeZone()).toLocalTime();
            boolean stillOpen = h.isOpen() && !at.isBefore(h.opens())
                    && !at.plusMinutes(a.slotMinutes()).isAfter(h.closes());
            if (stillOpen) {
                continue;
            }
            Optional<Instant> target = nextOpenSlot(branch, a, at, s, now);
            if (target.isPresent() && appointments.move(a.id(), a.version(),
                    target.get().atZone(branch.timeZone()).toLocalDate(), target.get())) {
                audit.success("queueing.appointment.move", "appointment:" + a.id(),
                        Map.of("from", a.slotStart().toString(), "to", target.get().toString()));
                moved++;
            } else if (appointments.changeStatus(a.id(), Appointment.Status.BOOKED, Appointment.Status.CARRIED_OVER,
                    null)) {
                audit.success("queueing.appointment.carryOver", "appointment:" + a.id(),
                        Map.of("slot", a.slotStart().toString()));
                carried++;
            }
        }
        return new int[] {moved, carried};
    }

    /** The same local time on the next open day after the appointment's day, if it is a slot with room. */
    private Optional<Instant> nextOpenSlot(BranchSummary branch, Appointment a, LocalTime at, LobbySettings s,
                                           Instant now) {
        for (int i = 1; i <= BranchOpening.SEARCH_DAYS; i++) {
            LocalDate d = a.businessDay().plusDays(i);
            OpeningHours h = hours.on(branch.code(), d);
            if (!h.isOpen()) {
                continue;
            }
            appointments.lockService(branch.code(), a.serviceCode());
            List<Slot> slots = AppointmentSlots.slots(h, branch.timeZone(), a.slotMinutes(),
                    appointmentService.capacity(branch.code(), a.serviceCode()), Integer.MAX_VALUE / 2,
                    appointments.heldPerSlot(branch.code(), a.serviceCode(), d), now);
            Instant want = d.atTime(at).atZone(branch.timeZone()).toInstant();
            return AppointmentSlots.bookable(slots, want) ? Optional.of(want) : Optional.empty();
        }
        return Optional.empty();
    }
}
