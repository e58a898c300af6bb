package org.fuwu.queueing.web;

import java.util.List;

import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.CounterConsoleService.ConsoleView;
import org.fuwu.queueing.internal.CounterConsoleService.CounterMode;
import org.fuwu.queueing.internal.CounterConsoleService.CounterView;
import org.fuwu.queueing.internal.CounterConsoleService.Position;
import org.fuwu.queueing.internal.CounterConsoleService.QueueSnapshot;
import org.fuwu.queueing.internal.CounterConsoleService.RoutingSettings;
import org.fuwu.queueing.internal.TicketLifecycle.Outcome;
import org.fuwu.routing.PolicyKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The counter console's API: call next, the ticket actions, a counter's state, the live queue snapshot
 * and the branch's routing policy. Staff act only in their branches (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Counter console", description = "Branch lobby: call next, ticket actions, counters, live queue")
class ConsoleApiController {

    /** How a ticket was completed. */
    record CompleteInput(@NotNull Outcome outcome) {
    }

    /** Where a ticket goes: another service and/or counter, at the front or the back. */
    record TransferInput(@Pattern(regexp = "[A-Z0-9]{1,10}") String serviceCode,
                         @Pattern(regexp = "[A-Z0-9]{2,10}") String counterCode, Position position) {
    }

    /** A walk-in served at once. */
    record WalkInInput(@NotNull @Pattern(regexp = "[A-Z0-9]{1,10}") String serviceCode) {
    }

    /** A counter's new state. */
    record CounterStateInput(@NotNull CounterMode state) {
    }

    /** A branch's routing policy: the kind and its fairness bound (K overtakes, M minutes). */
    record RoutingInput(@NotNull PolicyKind policy, @NotNull @Min(0) @Max(20) Integer maxOvertakes,
                        @NotNull @Min(0) @Max(240) Integer maxDelayMinutes) {
    }

    private final CounterConsoleService console;

    ConsoleApiController(CounterConsoleService console) {
        this.console = console;
    }

    @PostMapping("/branches/{branchCode}/counters/{counterCode}/call-next")
    ResponseEntity<ConsoleView> callNext(@PathVariable String branchCode, @PathVariable String counterCode) {
        return console.callNext(branchCode, counterCode).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/branches/{branchCode}/counters/{counterCode}/serve-walk-in")
    ConsoleView serveWalkIn(@PathVariable String branchCode, @PathVariable String counterCode,
                            @Valid @RequestBody WalkInInput in) {
        return console.serveWalkIn(branchCode, counterCode, in.serviceCode());
    }

    @PutMapping("/branches/{branchCode}/counters/{counterCode}/state")
    CounterView counterState(@PathVariable String branchCode, @PathVariable String counterCode,
                             @Valid @RequestBody CounterStateInput in) {
        return console.setCounterState(branchCode, counterCode, in.state());
    }

    @GetMapping("/branches/{branchCode}/queue")
    QueueSnapshot queue(@PathVariable String branchCode) {
        return console.snapshot(branchCode);
    }

    @GetMapping("/branches/{branchCode}/routing-policy")
    RoutingSettings routing(@PathVariable String branchCode) {
        return console.routing(branchCode);
    }

    @PutMapping("/branches/{branchCode}/routing-policy")
    RoutingSettings updateRouting(@PathVariable String branchCode, @Valid @RequestBody RoutingInput in) {
        return console.updateRouting(branchCode, in.policy(), in.maxOvertakes(), in.maxDelayMinutes());
    }

    @GetMapping("/tickets/{id}")
    ConsoleView ticket(@PathVariable long id) {
        return console.ticket(id);
    }

    @GetMapping("/tickets/{id}/overtakes")
    List<String> overtakes(@PathVariable long id) {
        return console.overtakes(id);
    }

    @PostMapping("/tickets/{id}/recall")
    ConsoleView recall(@PathVariable long id) {
        return console.recall(id);
    }

    @PostMapping("/tickets/{id}/start")
    ConsoleView start(@PathVariable long id) {
        return console.start(id);
    }

    @PostMapping("/tickets/{id}/complete")
    ConsoleView complete(@PathVariable long id, @Valid @RequestBody CompleteInput in) {
        return console.complete(id, in.outcome());
    }

    @PostMapping("/tickets/{id}/no-show")
    ConsoleView noShow(@PathVariable long id) {
        return console.noShow(id);
    }

    @PostMapping("/tickets/{id}/transfer")
    ConsoleView transfer(@PathVariable long id, @Valid @RequestBody TransferInput in) {
        return console.transfer(id, in.serviceCode(), in.counterCode(), in.position());
    }

    @PostMapping("/tickets/{id}/cancel")
    ConsoleView cancel(@PathVariable long id) {
        return console.cancel(id);
    }

    @PostMapping("/tickets/{id}/park")
    ConsoleView park(@PathVariable long id) {
        return console.park(id);
    }

    @PostMapping("/tickets/{id}/return")
    ConsoleView returnParked(@PathVariable long id) {
        return console.returnParked(id);
    }
}
