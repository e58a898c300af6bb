package org.fuwu.queueing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.fuwu.organization.BranchLocation;
import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.web.RequestOrigin;
import org.fuwu.queueing.internal.AppointmentService;
import org.fuwu.queueing.internal.EstimateMinutes;
import org.fuwu.queueing.internal.AppointmentService.AppointmentView;
import org.fuwu.queueing.internal.AppointmentService.BookRequest;
import org.fuwu.queueing.internal.AppointmentService.CheckInResult;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.LobbyConfigService.ServiceView;
import org.fuwu.queueing.internal.LobbyHours;
import org.fuwu.queueing.internal.LobbySettingsService;
import org.fuwu.queueing.internal.ServiceType;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssueRequest;
import org.fuwu.queueing.internal.TicketService.IssuedTicket;
import org.fuwu.queueing.internal.TicketService.TicketStatusView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's phone pages, all public: remote queueing ({@code /remote}: branches by distance or by
 * wait, take a number before arriving), booking an appointment ({@code /book/{b}}), the appointment by its
 * token ({@code /a/{token}}: check in, cancel), and check-in on arrival of a remote ticket (status page
 * button, or the ticket number at the kiosk).
 */
@Controller
class RemotePageController {

    /** One branch row of the remote page; distance is filled in by the browser when it knows where it is. */
    record RemoteBranch(String code, String nameZh, String nameEn, Double latitude, Double longitude, boolean open,
                        String opensAt, boolean offers, int waiting, EstimateMinutes estimate,
                        long waitSeconds) {

        public String name(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    /** A service to choose on the remote page: a code and its names (from the first branch offering it). */
    record ServiceChoice(String code, String nameZh, String nameEn) {

        public String name(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    private final Branches branches;
    private final LobbyConfigService config;
    private final LobbyHours hours;
    private final LobbySettingsService settings;
    private final TicketService tickets;
    private final AppointmentService appointments;
    private final ClientRateLimit rateLimit;
    private final MessageSource messages;

    RemotePageController(Branches branches, LobbyConfigService config, LobbyHours hours, LobbySettingsService settings,
                         TicketService tickets, AppointmentService appointments, ClientRateLimit rateLimit,
                         MessageSource messages) {
        this.branches = branches;
        this.config = config;
        this.hours = hours;
        this.settings = settings;
        this.tickets = tickets;
        this.appointments = appointments;
        this.rateLimit = rateLimit;
        this.messages = messages;
    }

    // ---- remote queueing

    @GetMapping("/remote")
    String remote(@RequestParam(required = false) String service, Model model) {
        Map<String, ServiceChoice> choices = new LinkedHashMap<>();
        Map<String, List<ServiceView>> perBranch = new LinkedHashMap<>();
        List<BranchSummary> open = branches.all().stream().filter(BranchSummary::active).toList();
        for (BranchSummary b : open) {
            List<ServiceView> views = config.activeServices(b.code());
            perBranch.put(b.code(), views);
            for (ServiceView v : views) {
                choices.putIfAbsent(v.service().code(),
                        new ServiceChoice(v.service().code(), v.service().nameZh(), v.service().nameEn()));
            }
        }
        String chosen = service != null && choices.containsKey(service) ? service
                : choices.keySet().stream().findFirst().orElse(null);
        List<RemoteBranch> rows = new ArrayList<>();
        for (BranchSummary b : open) {
            ServiceView v = perBranch.get(b.code()).stream().filter(x -> x.service().code().equals(chosen))
                    .findFirst().orElse(null);
            LobbyHours.OpenState state = hours.state(b);
            BranchLocation loc = branches.location(b.code()).orElse(null);
            rows.add(new RemoteBranch(b.code(), b.nameZh(), b.nameEn(), loc == null ? null : loc.latitude(),
                    loc == null ? null : loc.longitude(), state.open(), state.nextOpeningText(), v != null,
                    v == null ? 0 : v.waiting(),
                    v == null ? null : EstimateMinutes.of(v.estimatedWait()),
                    v == null ? Long.MAX_VALUE : v.estimatedWait().p50Seconds()));
        }
        // without the customer's position, the shortest wait first (open branches offering the service first)
        rows.sort(Comparator.comparing((RemoteBranch r) -> !(r.open() && r.offers()))
                .thenComparingLong(RemoteBranch::waitSeconds).thenComparing(RemoteBranch::code));
        model.addAttribute("services", List.copyOf(choices.values()));
        model.addAttribute("chosen", chosen);
        model.addAttribute("branches", rows);
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "queueing/remote";
    }

    @PostMapping("/remote/{branchCode}/tickets")
    String takeRemote(@PathVariable String branchCode, @RequestParam String serviceCode,
                      @RequestParam(required = false) String requestKey,
                      @RequestParam(required = false) String notifyMobile, RedirectAttributes redirect, Locale locale) {
        if (CurrentStaff.find().isEmpty() && !rateLimit.tryAcquire(RequestOrigin.current())) {
            throw new TooManyTicketsException();
        }
        String key = requestKey != null && requestKey.matches("[A-Za-z0-9-]{1,64}")
                ? "remote-" + requestKey + "-" + serviceCode : null;
        try {
            IssuedTicket t = tickets.issue(branchCode, new IssueRequest(serviceCode, null, null, null, Channel.MOBILE,
                    key, notifyMobile, LobbyPageController.languageTag(locale)));
            return "redirect:/q/" + t.statusToken();
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            redirect.addFlashAttribute("remoteError", messages.getMessage(f.messageKey(), f.args(), locale));
            redirect.addFlashAttribute("remoteErrorField", f.field());
            redirect.addAttribute("service", serviceCode);
            return "redirect:/remote";
        }
    }

    @PostMapping("/q/{statusToken}/check-in")
    String checkInTicket(@PathVariable String statusToken, RedirectAttributes redirect, Locale locale) {
        try {
            TicketStatusView v = tickets.checkIn(statusToken);
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.remote.checkedIn",
                    new Object[] {v.ticket().number()}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/q/" + statusToken;
    }

    @PostMapping("/kiosk/{branchCode}/check-in")
    String checkInAtKiosk(@PathVariable String branchCode, @RequestParam(required = false) String number,
                          RedirectAttributes redirect, Locale locale) {
        config.branch(branchCode);
        try {
            TicketStatusView v = tickets.checkInByNumber(branchCode, number);
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.kiosk.checkedIn",
                    new Object[] {v.ticket().number(), v.position()}, locale));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.kiosk.checkInUnknown",
                    new Object[] {number == null ? "" : number}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/kiosk/" + branchCode;
    }

    // ---- appointments

    @GetMapping("/book/{branchCode}")
    String book(@PathVariable String branchCode, @RequestParam(required = false) String service,
                @RequestParam(required = false) String date, Model model) {
        BranchSummary branch = config.branch(branchCode);
        List<ServiceType> services = config.activeServices(branchCode).stream().map(ServiceView::service)
                .filter(s -> appointments.capacity(branchCode, s.code()) > 0).toList();
        ServiceType chosen = services.stream().filter(s -> s.code().equals(service)).findFirst()
                .orElse(services.isEmpty() ? null : services.get(0));
        LocalDate today = config.businessDay(branch);
        LocalDate day = today;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                day = today;
            }
        }
        int ahead = settings.of(branchCode).bookingDaysAhead();
        if (day.isBefore(today) || day.isAfter(today.plusDays(ahead))) {
            day = today;
        }
        model.addAttribute("branch", branch);
        model.addAttribute("services", services);
        model.addAttribute("chosen", chosen);
        model.addAttribute("date", day);
        model.addAttribute("minDate", today);
        model.addAttribute("maxDate", today.plusDays(ahead));
        model.addAttribute("slots", chosen == null ? null : appointments.slots(branchCode, chosen.code(), day));
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "queueing/book";
    }

    @PostMapping("/book/{branchCode}")
    String doBook(@PathVariable String branchCode, @RequestParam(required = false) String serviceCode,
                  @RequestParam(required = false) String slotStart, @RequestParam(required = false) String mobile,
                  @RequestParam(required = false) String date, @RequestParam(required = false) String requestKey,
                  RedirectAttributes redirect, Locale locale) {
        config.branch(branchCode);
        if (CurrentStaff.find().isEmpty() && !rateLimit.tryAcquire(RequestOrigin.current())) {
            throw new TooManyTicketsException();
        }
        Instant start = null;
        try {
            start = slotStart == null || slotStart.isBlank() ? null : Instant.parse(slotStart);
        } catch (DateTimeParseException e) {
            start = null;
        }
        String key = requestKey != null && requestKey.matches("[A-Za-z0-9-]{1,64}") ? "book-" + requestKey : null;
        try {
            AppointmentView v = appointments.book(branchCode,
                    new BookRequest(serviceCode, start, null, mobile, Channel.MOBILE, key));
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.book.booked", null, locale));
            return "redirect:/a/" + v.appointment().token();
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            redirect.addFlashAttribute("bookError", messages.getMessage(f.messageKey(), f.args(), locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("bookError", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        redirect.addAttribute("service", serviceCode);
        if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            redirect.addAttribute("date", date);
        }
        return "redirect:/book/" + branchCode;
    }

    @GetMapping("/a/{token}")
    String appointment(@PathVariable String token, Model model) {
        model.addAttribute("v", appointments.view(token));
        model.addAttribute("token", token);
        model.addAttribute("earliestMinutes", appointments.lateness().earliestCheckIn().toMinutes());
        model.addAttribute("lateGraceMinutes", appointments.lateness().grace().toMinutes());
        return "queueing/appointment";
    }

    @PostMapping("/a/{token}/check-in")
    String checkIn(@PathVariable String token, RedirectAttributes redirect, Locale locale) {
        try {
            CheckInResult r = appointments.checkIn(token);
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.appointment.checkedIn",
                    new Object[] {r.ticket().number()}, locale));
            return "redirect:/q/" + r.ticket().statusToken();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", messages.getMessage(e.messageKey(), e.args(), locale));
            return "redirect:/a/" + token;
        }
    }

    @PostMapping("/a/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect, Locale locale) {
        try {
            appointments.cancel(token);
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.appointment.cancelled", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/a/" + token;
    }
}
