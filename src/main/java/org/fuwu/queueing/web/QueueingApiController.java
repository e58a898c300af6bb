package org.fuwu.queueing.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.web.RequestOrigin;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.queueing.internal.CounterService;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.ServiceType;
import org.fuwu.queueing.internal.ServiceTypeInput;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssueRequest;
import org.fuwu.queueing.internal.TicketService.IssuedTicket;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The branch lobby's API: service types and the counter service matrix (staff read their branches,
 * administrators change them), taking a ticket (public, rate-limited for anonymous callers), and a
 * ticket's status and cancellation by its unguessable token (public).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Queueing", description = "Branch lobby: service types, counter service matrix, tickets")
class QueueingApiController {

    /** A service type with its live waiting count and the estimated wait of a newcomer. */
    record ServiceTypeView(String code, String prefix, String nameZh, String nameEn, String zoneCode,
                           int targetWaitSeconds, int expectedServiceSeconds, boolean active, int waiting, int counters,
                           WaitEstimate estimatedWait, long version) {

        static ServiceTypeView of(LobbyConfigService.ServiceView v) {
            ServiceType s = v.service();
            return new ServiceTypeView(s.code(), s.prefix(), s.nameZh(), s.nameEn(), s.zoneCode(), s.targetWaitSeconds(),
                    s.expectedServiceSeconds(), s.active(), v.waiting(), v.counters(), v.estimatedWait(), s.version());
        }

        static ServiceTypeView of(ServiceType s) {
            return new ServiceTypeView(s.code(), s.prefix(), s.nameZh(), s.nameEn(), s.zoneCode(), s.targetWaitSeconds(),
                    s.expectedServiceSeconds(), s.active(), 0, 0, null, s.version());
        }
    }

    /** The service types one counter serves, in preference order. */
    record CounterServicesInput(@NotNull @Size(max = 20) List<@NotBlank String> serviceCodes) {
    }

    /** One counter's row of the matrix. */
    record CounterServicesView(String counterCode, List<CounterService> services) {
    }

    /**
     * A request for a ticket. {@code customerId} is accepted only from staff (the lobby manager).
     * {@code notifyMobile}: the customer's mobile number for one "almost your turn" SMS (optional; stored
     * encrypted, answered masked); {@code notifyLanguage}: {@code zh-CN} (default) or {@code en}.
     */
    record TicketRequest(@NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}") String serviceCode, Long customerId,
                         @NotNull Channel channel, @Size(max = 30) String notifyMobile,
                         @Size(max = 10) String notifyLanguage) {

        @Override
        public String toString() {
            return "TicketRequest[serviceCode=" + serviceCode + ", channel=" + channel + "]";
        }
    }

    /** A notification number for a ticket, from its holder. */
    record NotifyRequest(@NotBlank @Size(max = 30) String notifyMobile, @Size(max = 10) String notifyLanguage) {

        @Override
        public String toString() {
            return "NotifyRequest[]";
        }
    }

    /** The answer to a ticket request; {@code notifyMobile} masked ({@code 138****5678}), or null. */
    record TicketView(long id, String number, String serviceCode, int position, WaitEstimate estimatedWait,
                      String statusToken, String notifyMobile) {

        static TicketView of(IssuedTicket t, TicketService.Notification n) {
            return new TicketView(t.id(), t.number(), t.serviceCode(), t.position(), t.estimatedWait(), t.statusToken(),
                    n == null ? null : n.maskedMobile());
        }
    }

    /**
     * A ticket's status for its holder. {@code notifyMobile} masked, or null; {@code almostTurnSmsAt} when the
     * "almost your turn" SMS went out and {@code almostTurnSms} what the gateway said (ACCEPTED, REJECTED, FAILED).
     */
    record StatusView(String number, String status, String branchCode, String serviceCode, String serviceNameZh,
                      String serviceNameEn, int position, WaitEstimate estimatedWait, java.time.Instant issuedAt,
                      String notifyMobile, java.time.Instant almostTurnSmsAt, String almostTurnSms) {

        static StatusView of(TicketStatusView v) {
            TicketService.Notification n = v.notification();
            return new StatusView(v.ticket().number(), v.ticket().status().name(), v.ticket().branchCode(),
                    v.ticket().serviceCode(), v.service().nameZh(), v.service().nameEn(), v.position(), v.estimatedWait(),
                    v.ticket().issuedAt(), n == null ? null : n.maskedMobile(), n == null ? null : n.notifiedAt(),
                    n == null ? null : n.outcome());
        }
    }

    private final LobbyConfigService config;
    private final TicketService tickets;
    private final ClientRateLimit rateLimit;

    QueueingApiController(LobbyConfigService config, TicketService tickets, ClientRateLimit rateLimit) {
        this.config = config;
        this.tickets = tickets;
        this.rateLimit = rateLimit;
    }

    // ---- service types

    @GetMapping("/branches/{branchCode}/services")
    List<ServiceTypeView> services(@PathVariable String branchCode) {
        return config.servicesForStaff(branchCode).stream().map(ServiceTypeView::of).toList();
    }

    @GetMapping("/branches/{branchCode}/services/{code}")
    ServiceTypeView service(@PathVariable String branchCode, @PathVariable String code) {
        return ServiceTypeView.of(config.service(branchCode, code));
    }

    @PostMapping("/branches/{branchCode}/services")
    ResponseEntity<ServiceTypeView> createService(@PathVariable String branchCode, @Valid @RequestBody ServiceTypeInput in) {
        ServiceType s = config.createService(branchCode, in);
        return ResponseEntity.created(URI.create("/api/v1/branches/" + branchCode + "/services/" + s.code()))
                .body(ServiceTypeView.of(s));
    }

    @PutMapping("/branches/{branchCode}/services/{code}")
    ServiceTypeView updateService(@PathVariable String branchCode, @PathVariable String code,
                                  @Valid @RequestBody ServiceTypeInput in) {
        return ServiceTypeView.of(config.updateService(branchCode, code, in));
    }

    // ---- counter service matrix

    @GetMapping("/branches/{branchCode}/counter-services")
    List<CounterServicesView> matrix(@PathVariable String branchCode) {
        return config.matrix(branchCode).stream()
                .collect(java.util.stream.Collectors.groupingBy(CounterService::counterCode, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()))
                .entrySet().stream().map(e -> new CounterServicesView(e.getKey(), e.getValue())).toList();
    }

    @PutMapping("/branches/{branchCode}/counter-services/{counterCode}")
    CounterServicesView replaceCounter(@PathVariable String branchCode, @PathVariable String counterCode,
                                       @Valid @RequestBody CounterServicesInput in) {
        return new CounterServicesView(counterCode, config.replaceCounter(branchCode, counterCode, in.serviceCodes()));
    }

    // ---- tickets

    @PostMapping("/branches/{branchCode}/tickets")
    ResponseEntity<TicketView> issue(@PathVariable String branchCode, @Valid @RequestBody TicketRequest in,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw FieldValidationException.of("Idempotency-Key", "queueing.validation.idempotencyKey");
        }
        if (CurrentStaff.find().isEmpty() && !rateLimit.tryAcquire(RequestOrigin.current())) {
            throw new TooManyTicketsException();
        }
        IssuedTicket t = tickets.issue(branchCode, new IssueRequest(in.serviceCode(), in.customerId(), null, null,
                in.channel(), idempotencyKey, in.notifyMobile(), in.notifyLanguage()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/tickets/status/" + t.statusToken()))
                .body(TicketView.of(t, tickets.notification(t.id())));
    }

    /** Gives or changes the "almost your turn" number of a waiting ticket, by its token (its holder's own). */
    @PutMapping("/tickets/status/{statusToken}/notify-mobile")
    StatusView notifyMobile(@PathVariable String statusToken, @Valid @RequestBody NotifyRequest in) {
        return StatusView.of(tickets.setNotifyMobile(statusToken, in.notifyMobile(), in.notifyLanguage()));
    }

    @GetMapping("/tickets/status/{statusToken}")
    StatusView status(@PathVariable String statusToken) {
        return StatusView.of(tickets.status(statusToken));
    }

    @PostMapping("/tickets/status/{statusToken}/cancel")
    StatusView cancel(@PathVariable String statusToken) {
        return StatusView.of(tickets.cancel(statusToken));
    }
}
