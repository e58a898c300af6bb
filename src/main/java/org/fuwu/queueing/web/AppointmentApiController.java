package org.fuwu.queueing.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.web.RequestOrigin;
import org.fuwu.queueing.internal.AppointmentService;
import org.fuwu.queueing.internal.AppointmentService.AppointmentView;
import org.fuwu.queueing.internal.AppointmentService.BookRequest;
import org.fuwu.queueing.internal.AppointmentService.CheckInResult;
import org.fuwu.queueing.internal.AppointmentService.DaySlots;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.queueing.internal.EndOfDayService;
import org.fuwu.queueing.internal.EndOfDayService.EndOfDayResult;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.queueing.internal.LobbySettings;
import org.fuwu.queueing.internal.LobbySettingsService;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.TicketStatusView;
import org.fuwu.queueing.internal.WaitEstimate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointments, remote check-in, the end of day and the branch's lobby settings.
 *
 * <p>Booking is public like taking a ticket (rate-limited per client address for anonymous callers,
 * {@code Idempotency-Key} honoured); an anonymous caller gives a mobile number (stored encrypted, shown
 * masked), staff may name a customer instead. An appointment is read, cancelled and checked in by its
 * unguessable token (public). Slots are public at {@code /api/v1/appointments/slots}: under
 * {@code /api/v1/branches/**} every GET is for staff (organization's row).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Appointments", description = "Branch lobby: appointment slots and bookings, remote check-in, end of day")
class AppointmentApiController {

    /** One slot of a day. */
    record SlotView(Instant start, LocalTime localTime, int remaining) {
    }

    /** The slots of a service on a date. */
    record SlotsView(String branchCode, String serviceCode, LocalDate date, boolean open, LocalTime opens,
                     LocalTime closes, int slotMinutes, int capacity, List<SlotView> slots) {

        static SlotsView of(DaySlots d) {
            return new SlotsView(d.branch().code(), d.service().code(), d.date(), d.hours().isOpen(), d.hours().opens(),
                    d.hours().closes(), d.slotMinutes(), d.capacity(),
                    d.slots().stream().map(s -> new SlotView(s.start(), s.time(), s.remaining())).toList());
        }
    }

    /** A request for an appointment; {@code customerId} only from staff, otherwise {@code mobile} is required. */
    record AppointmentRequest(@NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}") String serviceCode,
                              @NotNull Instant slotStart, Long customerId, @Size(max = 30) String mobile) {

        @Override
        public String toString() {
            return "AppointmentRequest[serviceCode=" + serviceCode + ", slotStart=" + slotStart + "]";
        }
    }

    /** An appointment as its holder sees it (the mobile masked). */
    record AppointmentJson(String token, String status, String branchCode, String serviceCode, Instant slotStart,
                           java.time.LocalDateTime localStart, int slotMinutes, Instant bookedSlotStart,
                           String maskedMobile, Long customerId, String ticketNumber, String ticketStatusToken) {

        static AppointmentJson of(AppointmentView v) {
            var a = v.appointment();
            return new AppointmentJson(a.token(), a.status().name(), a.branchCode(), a.serviceCode(), a.slotStart(),
                    v.localStart().toLocalDateTime(), a.slotMinutes(), a.bookedSlotStart(), v.maskedMobile(),
                    CurrentStaff.find().isPresent() ? a.customerId() : null, v.ticketNumber(), v.ticketToken());
        }
    }

    /** The ticket a check-in issued, and how the check-in time was judged (null when it was issued before). */
    record CheckInJson(AppointmentJson appointment, long ticketId, String number, int position,
                       WaitEstimate estimatedWait, String statusToken, String verdict) {
    }

    /** A branch's lobby settings. */
    record SettingsInput(@NotNull Boolean remoteCheckInRequired, @NotNull @Min(5) @Max(240) Integer slotMinutes,
                         @NotNull @Min(0) @Max(90) Integer bookingDaysAhead, @NotNull Long version) {
    }

    /** A service's booking capacity per slot; null: as many as counters serve it, 0: not bookable. */
    record CapacityInput(@Min(0) @Max(100) Integer capacity) {
    }

    record CapacityView(String serviceCode, int capacity) {
    }

    /** A remote ticket's status after check-in. */
    record CheckedInTicket(String number, String status, int position, WaitEstimate estimatedWait) {

        static CheckedInTicket of(TicketStatusView v) {
            return new CheckedInTicket(v.ticket().number(), v.ticket().status().name(), v.position(), v.estimatedWait());
        }
    }

    private final AppointmentService appointments;
    private final EndOfDayService endOfDay;
    private final LobbySettingsService settings;
    private final TicketService tickets;
    private final ClientRateLimit rateLimit;

    AppointmentApiController(AppointmentService appointments, EndOfDayService endOfDay, LobbySettingsService settings,
                             TicketService tickets, ClientRateLimit rateLimit) {
        this.appointments = appointments;
        this.endOfDay = endOfDay;
        this.settings = settings;
        this.tickets = tickets;
        this.rateLimit = rateLimit;
    }

    // ---- appointments

    @GetMapping("/appointments/slots")
    SlotsView slots(@RequestParam String branchCode, @RequestParam String serviceCode,
                    @RequestParam(required = false) LocalDate date) {
        return SlotsView.of(appointments.slots(branchCode, serviceCode, date));
    }

    @PostMapping("/branches/{branchCode}/appointments")
    ResponseEntity<AppointmentJson> book(@PathVariable String branchCode, @Valid @RequestBody AppointmentRequest in,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw FieldValidationException.of("Idempotency-Key", "queueing.validation.idempotencyKey");
        }
        if (CurrentStaff.find().isEmpty() && !rateLimit.tryAcquire(RequestOrigin.current())) {
            throw new TooManyTicketsException();
        }
        Channel channel = CurrentStaff.find().isPresent() ? Channel.LOBBY_MANAGER : Channel.API;
        AppointmentView v = appointments.book(branchCode,
                new BookRequest(in.serviceCode(), in.slotStart(), in.customerId(), in.mobile(), channel, idempotencyKey));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/appointments/" + v.appointment().token())).body(AppointmentJson.of(v));
    }

    @GetMapping("/appointments/{token}")
    AppointmentJson appointment(@PathVariable String token) {
        return AppointmentJson.of(appointments.view(token));
    }

    @PostMapping("/appointments/{token}/cancel")
    AppointmentJson cancel(@PathVariable String token) {
        return AppointmentJson.of(appointments.cancel(token));
    }

    /** Checks an appointment in: 201 with the new ticket; 200 with the same ticket when it was checked in before. */
    @PostMapping("/appointments/{token}/check-in")
    ResponseEntity<CheckInJson> checkIn(@PathVariable String token) {
        CheckInResult r = appointments.checkIn(token);
        var t = r.ticket();
        CheckInJson body = new CheckInJson(AppointmentJson.of(r.appointment()), t.id(), t.number(), t.position(),
                t.estimatedWait(), t.statusToken(), r.verdict() == null ? null : r.verdict().name());
        return ResponseEntity.status(r.verdict() == null ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/tickets/status/" + t.statusToken())).body(body);
    }

    @GetMapping("/branches/{branchCode}/appointments")
    List<AppointmentJson> ofDay(@PathVariable String branchCode, @RequestParam(required = false) LocalDate date) {
        return appointments.ofDay(branchCode, date).stream().map(AppointmentJson::of).toList();
    }

    @PutMapping("/branches/{branchCode}/services/{serviceCode}/appointment-capacity")
    CapacityView capacity(@PathVariable String branchCode, @PathVariable String serviceCode,
                          @Valid @RequestBody CapacityInput in) {
        return new CapacityView(serviceCode, appointments.setCapacity(branchCode, serviceCode, in.capacity()));
    }

    // ---- remote tickets

    /** A remote ticket's holder checks in on arrival (branches that require it): the ticket joins the queue. */
    @PostMapping("/tickets/status/{statusToken}/check-in")
    CheckedInTicket checkInTicket(@PathVariable String statusToken) {
        return CheckedInTicket.of(tickets.checkIn(statusToken));
    }

    // ---- the branch's day

    @PostMapping("/branches/{branchCode}/end-of-day")
    EndOfDayResult endOfDay(@PathVariable String branchCode) {
        return endOfDay.run(branchCode);
    }

    @GetMapping("/branches/{branchCode}/lobby-settings")
    LobbySettings settings(@PathVariable String branchCode) {
        return settings.forStaff(branchCode);
    }

    @PutMapping("/branches/{branchCode}/lobby-settings")
    LobbySettings updateSettings(@PathVariable String branchCode, @Valid @RequestBody SettingsInput in) {
        return settings.update(branchCode, in.remoteCheckInRequired(), in.slotMinutes(), in.bookingDaysAhead(),
                in.version());
    }
}
