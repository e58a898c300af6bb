package org.fuwu.queueing.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.fuwu.customer.IdentityKind;
import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.NotFoundException;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.CounterConsoleService.CounterMode;
import org.fuwu.queueing.internal.CounterConsoleService.Position;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.LobbyManagerService;
import org.fuwu.queueing.internal.LobbyManagerService.OverrideReason;
import org.fuwu.queueing.internal.PriorityClass;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssueRequest;
import org.fuwu.queueing.internal.TicketService.IssuedTicket;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lobby manager's page (大堂经理): the live lobby of a branch (queues by zone against their
 * targets, counters, early warnings with the counter to open), taking a ticket on a customer's
 * behalf, reassigning a waiting ticket, overriding its priority with a reason, and opening a counter.
 * Every action posts and redirects back; a refusal shows its reason. The page refreshes itself when
 * the branch's event stream reports a change (and every 30 s without one).
 */
@Controller
@RequestMapping("/lobby")
class LobbyManagerPageController {

    private final LobbyManagerService manager;
    private final CounterConsoleService console;
    private final LobbyConfigService config;
    private final TicketService tickets;
    private final Branches branches;
    private final MessageSource messages;

    LobbyManagerPageController(LobbyManagerService manager, CounterConsoleService console, LobbyConfigService config,
                               TicketService tickets, Branches branches, MessageSource messages) {
        this.manager = manager;
        this.console = console;
        this.config = config;
        this.tickets = tickets;
        this.branches = branches;
        this.messages = messages;
    }

    @GetMapping
    String chooser(Model model) {
        List<BranchSummary> mine = branches.all().stream()
                .filter(b -> b.active() && CurrentStaff.scope().coversBranch(b.code())).toList();
        if (mine.size() == 1) {
            return "redirect:/lobby/" + mine.get(0).code();
        }
        model.addAttribute("branches", mine);
        return "queueing/managers";
    }

    @GetMapping("/{branchCode}")
    String lobby(@PathVariable String branchCode, Model model) {
        BranchSummary branch = config.branch(branchCode);
        model.addAttribute("branch", branch);
        model.addAttribute("o", manager.overview(branchCode));
        model.addAttribute("zoneNames", branches.zones(branchCode).stream().collect(java.util.stream.Collectors.toMap(
                org.fuwu.organization.ZoneSummary::code, z -> z, (a, b) -> a)));
        model.addAttribute("services", config.servicesForStaff(branchCode).stream()
                .map(LobbyConfigService.ServiceView::service).filter(s -> s.active()).toList());
        model.addAttribute("counterCodes", console.counterCodes(branchCode));
        model.addAttribute("identityKinds", LobbyPageController.KIOSK_IDENTITIES);
        model.addAttribute("classes", List.of(PriorityClass.ORDINARY, PriorityClass.VIP, PriorityClass.PREFERENTIAL));
        model.addAttribute("reasons", OverrideReason.values());
        model.addAttribute("positions", Position.values());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "queueing/manager";
    }

    private String attempt(String branchCode, RedirectAttributes ra, Locale locale,
                           java.util.function.Supplier<String> act) {
        PageActions.attempt(ra, messages, locale, "managerError", act);
        return "redirect:/lobby/" + branchCode;
    }

    @PostMapping("/{branchCode}/tickets")
    String issue(@PathVariable String branchCode, @RequestParam(required = false) String serviceCode,
                 @RequestParam(required = false) IdentityKind identityKind,
                 @RequestParam(required = false) String identity, @RequestParam(required = false) String requestKey,
                 RedirectAttributes ra, Locale locale) {
        config.branch(branchCode);
        if (serviceCode == null || serviceCode.isBlank()) {
            ra.addFlashAttribute("managerError", messages.getMessage("queueing.manager.chooseService", null, locale));
            return "redirect:/lobby/" + branchCode;
        }
        IdentityKind kind = identityKind != null && LobbyPageController.KIOSK_IDENTITIES.contains(identityKind)
                && identity != null && !identity.isBlank() ? identityKind : null;
        String key = requestKey != null && requestKey.matches("[A-Za-z0-9-]{1,64}") ? "lobby-" + requestKey : null;
        return attempt(branchCode, ra, locale, () -> {
            IssuedTicket t = tickets.issue(branchCode, new IssueRequest(serviceCode, null, kind,
                    kind == null ? null : identity, Channel.LOBBY_MANAGER, key));
            ra.addFlashAttribute("issuedToken", t.statusToken());
            return messages.getMessage("queueing.manager.issued", new Object[] {t.number(), t.position()}, locale);
        });
    }

    @PostMapping("/{branchCode}/tickets/{id}/transfer")
    String transfer(@PathVariable String branchCode, @PathVariable long id,
                    @RequestParam(required = false) String serviceCode,
                    @RequestParam(required = false) String targetCounter,
                    @RequestParam(required = false) Position position, RedirectAttributes ra, Locale locale) {
        requireInBranch(branchCode, id);
        return attempt(branchCode, ra, locale, () -> {
            var t = console.transfer(id, serviceCode, targetCounter, position);
            return messages.getMessage("queueing.manager.transferred", new Object[] {t.number()}, locale);
        });
    }

    @PostMapping("/{branchCode}/tickets/{id}/priority")
    String priority(@PathVariable String branchCode, @PathVariable long id,
                    @RequestParam(required = false) PriorityClass priorityClass,
                    @RequestParam(required = false) OverrideReason reason,
                    @RequestParam(required = false) String note, RedirectAttributes ra, Locale locale) {
        requireInBranch(branchCode, id);
        return attempt(branchCode, ra, locale, () -> {
            manager.overridePriority(id, priorityClass, reason, note);
            var t = console.ticket(id);
            return messages.getMessage("queueing.manager.prioritised", new Object[] {t.number(),
                    messages.getMessage("queueing.console.priority." + t.priorityClass(), null, locale)}, locale);
        });
    }

    @PostMapping("/{branchCode}/counters/{counterCode}/open")
    String open(@PathVariable String branchCode, @PathVariable String counterCode, RedirectAttributes ra,
                Locale locale) {
        return attempt(branchCode, ra, locale, () -> {
            console.setCounterState(branchCode, counterCode, CounterMode.OPEN);
            return messages.getMessage("queueing.manager.opened", new Object[] {counterCode}, locale);
        });
    }

    private void requireInBranch(String branchCode, long id) {
        if (!console.ticket(id).branchCode().equals(branchCode)) {
            throw new NotFoundException("ticket", String.valueOf(id));
        }
    }
}
