package org.fuwu.queueing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.CounterConsoleService.ConsoleView;
import org.fuwu.queueing.internal.LobbyManagerService;
import org.fuwu.queueing.internal.LobbyManagerService.OverrideReason;
import org.fuwu.queueing.internal.LobbyManagerService.Overview;
import org.fuwu.queueing.internal.PriorityClass;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lobby manager's API (大堂经理): the lobby overview with its early warnings, and overriding a
 * waiting ticket's priority with a reason. Reassigning a waiting ticket is {@code POST /tickets/{id}/transfer}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Lobby manager", description = "Branch lobby: live queues against target, early warnings, priority overrides")
class LobbyManagerApiController {

    /** A new priority class for a waiting ticket, why, and an optional note (stored encrypted, never audited). */
    record PriorityInput(@NotNull PriorityClass priorityClass, @NotNull OverrideReason reason,
                         @Size(max = LobbyManagerService.MAX_NOTE) String note) {
    }

    private final LobbyManagerService manager;
    private final CounterConsoleService console;

    LobbyManagerApiController(LobbyManagerService manager, CounterConsoleService console) {
        this.manager = manager;
        this.console = console;
    }

    @Operation(summary = "Queues per zone and service with waits against target, counters, and early warnings"
            + " (a queue whose predicted wait will exceed its target, with the counter to open)")
    @GetMapping("/branches/{branchCode}/lobby-overview")
    Overview overview(@PathVariable String branchCode) {
        return manager.overview(branchCode);
    }

    @Operation(summary = "Change a waiting ticket's priority class, with a reason (audited)")
    @PostMapping("/tickets/{id}/priority")
    ConsoleView priority(@PathVariable long id, @Valid @RequestBody PriorityInput in) {
        manager.overridePriority(id, in.priorityClass(), in.reason(), in.note());
        return console.ticket(id);
    }
}
