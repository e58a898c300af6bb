package org.fuwu.queueing.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.web.RequestOrigin;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssueRequest;
import org.fuwu.queueing.internal.TicketService.IssuedTicket;
import org.fuwu.queueing.internal.TicketService.TicketStatusView;
import org.fuwu.queueing.internal.EstimateMinutes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer-facing lobby pages, all public: the kiosk (a button per service, optional
 * identification, a printable ticket with a QR code) and the mobile status page by token.
 */
@Controller
class LobbyPageController {

    /** The kinds of identification the kiosk offers. */
    static final List<IdentityKind> KIOSK_IDENTITIES = List.of(IdentityKind.MOBILE, IdentityKind.ID_NUMBER,
            IdentityKind.CARD_NUMBER);

    /**
     * How long the kiosk shows a printed ticket's page after issue; later the page sends the kiosk back
     * to its start, so that the next customer cannot reach an earlier ticket through the history.
     */
    static final Duration TICKET_PAGE_LIFE = Duration.ofMinutes(3);

    private final LobbyConfigService config;
    private final TicketService tickets;
    private final ClientRateLimit rateLimit;
    private final MessageSource messages;
    private final Clock clock;
    private final org.fuwu.queueing.internal.LobbyHours hours;

    LobbyPageController(LobbyConfigService config, TicketService tickets, ClientRateLimit rateLimit,
                        MessageSource messages, Clock clock, org.fuwu.queueing.internal.LobbyHours hours) {
        this.hours = hours;
        this.config = config;
        this.tickets = tickets;
        this.rateLimit = rateLimit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/kiosk/{branchCode}")
    String kiosk(@PathVariable String branchCode, Model model) {
        model.addAttribute("branch", config.branch(branchCode));
        // outside opening hours the kiosk shows "closed, opens at ..." instead of the service buttons
        model.addAttribute("openState", hours.state(config.branch(branchCode)));
        model.addAttribute("services", config.activeServices(branchCode).stream()
                .map(v -> new KioskService(v.service().code(), v.service().prefix(), v.service().nameZh(),
                        v.service().nameEn(), v.waiting(), EstimateMinutes.of(v.estimatedWait())))
                .toList());
        model.addAttribute("identityKinds", KIOSK_IDENTITIES);
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "queueing/kiosk";
    }

    /** One service button of the kiosk. */
    record KioskService(String code, String prefix, String nameZh, String nameEn, int waiting, EstimateMinutes estimate) {

        public String name(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    @PostMapping("/kiosk/{branchCode}/tickets")
    String take(@PathVariable String branchCode, @RequestParam String serviceCode,
                @RequestParam(required = false) IdentityKind identityKind,
                @RequestParam(required = false) String identity,
                @RequestParam(required = false) String requestKey,
                @RequestParam(required = false) String notifyMobile,
                RedirectAttributes redirect, Locale locale) {
        if (CurrentStaff.find().isEmpty() && !rateLimit.tryAcquire(RequestOrigin.current())) {
            throw new TooManyTicketsException();
        }
        IdentityKind kind = identityKind != null && KIOSK_IDENTITIES.contains(identityKind) ? identityKind : null;
        String key = requestKey != null && requestKey.matches("[A-Za-z0-9-]{1,64}") ? "kiosk-" + requestKey : null;
        try {
            IssuedTicket t = tickets.issue(branchCode, new IssueRequest(serviceCode, null, kind, identity, Channel.KIOSK,
                    key, notifyMobile, languageTag(locale)));
            return "redirect:/kiosk/" + t.branchCode() + "/tickets/" + t.statusToken();
        } catch (FieldValidationException e) {
            // a bad notification number: back to the kiosk, the field named, nothing issued
            var f = e.errors().get(0);
            redirect.addFlashAttribute("kioskError", messages.getMessage(f.messageKey(), f.args(), locale));
            redirect.addFlashAttribute("kioskErrorField", f.field());
            return "redirect:/kiosk/" + branchCode;
        }
    }

    /** The language of the page, as the SMS language of a ticket: zh-CN or en. */
    static String languageTag(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    @GetMapping("/kiosk/{branchCode}/tickets/{statusToken}")
    String ticket(@PathVariable String branchCode, @PathVariable String statusToken, Model model) {
        TicketStatusView v = tickets.status(statusToken);
        if (!v.ticket().branchCode().equals(branchCode)) {
            throw new org.fuwu.platform.NotFoundException("ticket", "?");
        }
        if (v.ticket().issuedAt().plus(TICKET_PAGE_LIFE).isBefore(clock.instant())) {
            // the kiosk's browser history must not hand an earlier customer's ticket to the next one
            return "redirect:/kiosk/" + branchCode;
        }
        model.addAttribute("v", v);
        model.addAttribute("estimate", EstimateMinutes.of(v.estimatedWait()));
        String statusPath = "/q/" + statusToken;
        model.addAttribute("statusPath", statusPath);
        model.addAttribute("qr", QrCodes.svg(org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path(statusPath).toUriString()));
        return "queueing/ticket";
    }

    @GetMapping("/q/{statusToken}")
    String status(@PathVariable String statusToken, Model model) {
        TicketStatusView v = tickets.status(statusToken);
        model.addAttribute("v", v);
        model.addAttribute("estimate", EstimateMinutes.of(v.estimatedWait()));
        model.addAttribute("token", statusToken);
        return "queueing/status";
    }

    /** The holder gives a number for the "almost your turn" SMS on the status page. */
    @PostMapping("/q/{statusToken}/notify")
    String notify(@PathVariable String statusToken, @RequestParam(required = false) String notifyMobile,
                  RedirectAttributes redirect, Locale locale) {
        try {
            TicketStatusView v = tickets.setNotifyMobile(statusToken, notifyMobile, languageTag(locale));
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.notify.saved",
                    new Object[] {v.notification().maskedMobile()}, locale));
        } catch (FieldValidationException e) {
            var f = e.errors().get(0);
            redirect.addFlashAttribute("notifyError", messages.getMessage(f.messageKey(), f.args(), locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notifyError", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/q/" + statusToken;
    }

    @PostMapping("/q/{statusToken}/cancel")
    String cancel(@PathVariable String statusToken, RedirectAttributes redirect, Locale locale) {
        try {
            TicketStatusView v = tickets.cancel(statusToken);
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.status.cancelled",
                    new Object[] {v.ticket().number()}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", messages.getMessage("queueing.status.notWaiting", null, locale));
        }
        return "redirect:/q/" + statusToken;
    }
}
