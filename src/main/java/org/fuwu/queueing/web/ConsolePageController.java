package org.fuwu.queueing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.CounterConsoleService.ConsoleView;
import org.fuwu.queueing.internal.CounterConsoleService.CounterMode;
import org.fuwu.queueing.internal.CounterConsoleService.CounterView;
import org.fuwu.queueing.internal.CounterConsoleService.Position;
import org.fuwu.queueing.internal.CounterConsoleService.QueueSnapshot;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.ServiceType;
import org.fuwu.queueing.internal.TicketLifecycle.Outcome;
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
 * The teller's counter console (柜员): a chooser of the counters of the user's branches, and one
 * counter's page with call next, the current ticket and its actions. Every action posts and redirects
 * back (post/redirect/get); a refused action shows its reason.
 */
@Controller
@RequestMapping("/counter")
class ConsolePageController {

    /** A counter in the chooser. */
    record CounterLink(BranchSummary branch, String counterCode) {
    }

    private final CounterConsoleService console;
    private final LobbyConfigService config;
    private final Branches branches;
    private final MessageSource messages;

    ConsolePageController(CounterConsoleService console, LobbyConfigService config, Branches branches,
                          MessageSource messages) {
        this.console = console;
        this.config = config;
        this.branches = branches;
        this.messages = messages;
    }

    @GetMapping
    String chooser(Model model) {
        List<CounterLink> links = new ArrayList<>();
        for (BranchSummary b : branches.all()) {
            if (b.active() && CurrentStaff.scope().coversBranch(b.code())) {
                console.counterCodes(b.code()).forEach(c -> links.add(new CounterLink(b, c)));
            }
        }
        model.addAttribute("counters", links);
        return "queueing/counters";
    }

    @GetMapping("/{branchCode}/{counterCode}")
    String console(@PathVariable String branchCode, @PathVariable String counterCode, Model model, Locale locale) {
        BranchSummary branch = config.branch(branchCode);
        CounterView counter = console.counter(branchCode, counterCode);
        QueueSnapshot snapshot = console.snapshot(branchCode);
        Map<String, ServiceType> services = new LinkedHashMap<>();
        for (LobbyConfigService.ServiceView v : config.servicesForStaff(branchCode)) {
            services.put(v.service().code(), v.service());
        }
        Map<String, Integer> waiting = new LinkedHashMap<>();
        for (String s : counter.services()) {
            waiting.put(s, snapshot.waiting().getOrDefault(s, List.of()).stream()
                    .filter(w -> w.targetCounter() == null).toList().size());
        }
        long ownQueue = snapshot.waiting().values().stream().flatMap(List::stream)
                .filter(w -> counterCode.equals(w.targetCounter())).count();
        model.addAttribute("branch", branch);
        model.addAttribute("counter", counter);
        model.addAttribute("current", counter.current());
        model.addAttribute("explanation", counter.current() == null ? null
                : console.explanation(counter.current(), messages, locale));
        model.addAttribute("services", services);
        model.addAttribute("waiting", waiting);
        model.addAttribute("transferredHere", ownQueue);
        model.addAttribute("parked", console.parked(branchCode, counterCode));
        model.addAttribute("otherCounters", console.counterCodes(branchCode).stream()
                .filter(c -> !c.equals(counterCode)).toList());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("positions", Position.values());
        return "queueing/console";
    }

    private String back(String branchCode, String counterCode) {
        return "redirect:/counter/" + branchCode + "/" + counterCode;
    }

    /** Runs an action; a refusal (409, 422) comes back as a message on the page instead of an error page. */
    private String attempt(String branchCode, String counterCode, RedirectAttributes ra, Locale locale,
                           java.util.function.Supplier<String> act) {
        PageActions.attempt(ra, messages, locale, "consoleError", act);
        return back(branchCode, counterCode);
    }

    @PostMapping("/{branchCode}/{counterCode}/call-next")
    String callNext(@PathVariable String branchCode, @PathVariable String counterCode, RedirectAttributes ra,
                    Locale locale) {
        return attempt(branchCode, counterCode, ra, locale, () -> {
            Optional<ConsoleView> called = console.callNext(branchCode, counterCode);
            return called.map(t -> messages.getMessage("queueing.console.called", new Object[] {t.number()}, locale))
                    .orElseGet(() -> messages.getMessage("queueing.console.nobodyWaiting", null, locale));
        });
    }

    @PostMapping("/{branchCode}/{counterCode}/serve-walk-in")
    String walkIn(@PathVariable String branchCode, @PathVariable String counterCode,
                  @RequestParam(required = false) String serviceCode, RedirectAttributes ra, Locale locale) {
        return attempt(branchCode, counterCode, ra, locale, () -> {
            console.serveWalkIn(branchCode, counterCode, serviceCode);
            return null;
        });
    }

    @PostMapping("/{branchCode}/{counterCode}/state")
    String state(@PathVariable String branchCode, @PathVariable String counterCode,
                 @RequestParam(required = false) CounterMode state, RedirectAttributes ra, Locale locale) {
        return attempt(branchCode, counterCode, ra, locale, () -> {
            console.setCounterState(branchCode, counterCode, state);
            return null;
        });
    }

    @PostMapping("/{branchCode}/{counterCode}/tickets/{id}/{action}")
    String ticketAction(@PathVariable String branchCode, @PathVariable String counterCode, @PathVariable long id,
                        @PathVariable String action, @RequestParam(required = false) Outcome outcome,
                        @RequestParam(required = false) String serviceCode,
                        @RequestParam(required = false) String targetCounter,
                        @RequestParam(required = false) Position position, RedirectAttributes ra, Locale locale) {
        ConsoleView t = console.ticket(id);
        if (!t.branchCode().equals(branchCode)) {
            throw new org.fuwu.platform.NotFoundException("ticket", String.valueOf(id));
        }
        return attempt(branchCode, counterCode, ra, locale, () -> {
            switch (action) {
                case "recall" -> console.recall(id);
                case "start" -> console.start(id);
                case "complete" -> console.complete(id, outcome);
                case "no-show" -> console.noShow(id);
                case "park" -> console.park(id);
                case "return" -> console.returnParked(id);
                case "transfer" -> console.transfer(id, serviceCode, targetCounter, position);
                default -> throw new org.fuwu.platform.NotFoundException("ticket", String.valueOf(id));
            }
            return messages.getMessage("queueing.console.done", null, locale);
        });
    }
}
