package org.fuwu.queueing.live;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.organization.BranchSummary;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.TicketService;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live lobby: the public display board page and its stream, the staff stream of a branch, and
 * the stream of one ticket's status for its holder's phone.
 *
 * <p>What each stream carries: the board's ({@code /board/{b}/events}, public: a lobby TV has no
 * login) only ticket numbers, service codes, counters and waiting counts; the staff stream
 * ({@code /api/v1/branches/{b}/events}, staff of that branch) the same rows with ticket ids; a
 * ticket's stream ({@code /q/{token}/events}, public by the unguessable token) only that ticket's
 * status, position and estimate.
 */
@Controller
@Tag(name = "Lobby live events", description = "Server-Sent Events of a branch lobby")
class LiveController {

    /** Calls shown on the board are those of the last this many hours. */
    private static final Duration RECENT = Duration.ofHours(14);

    private final LiveHub hub;
    private final BoardFeed feed;
    private final LobbyConfigService config;
    private final TicketService tickets;
    private final BoardProperties properties;
    private final MessageSource messages;
    private final java.time.Clock clock;

    LiveController(LiveHub hub, BoardFeed feed, LobbyConfigService config, TicketService tickets,
                   BoardProperties properties, MessageSource messages, java.time.Clock clock) {
        this.hub = hub;
        this.feed = feed;
        this.config = config;
        this.tickets = tickets;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** One service row of the board. */
    record BoardService(String code, String prefix, String name, int waiting) {
    }

    @GetMapping("/board/{branchCode}")
    String board(@PathVariable String branchCode, Model model, Locale locale) {
        BranchSummary branch = config.branch(branchCode);
        List<BoardEvent> calls = feed.lastCalls(branch.code(), clock.instant().minus(RECENT), properties.calls());
        model.addAttribute("branch", branch);
        model.addAttribute("calls", calls);
        model.addAttribute("lastId", feed.maxId(branch.code()));
        model.addAttribute("maxCalls", properties.calls());
        model.addAttribute("services", config.activeServices(branch.code()).stream()
                .map(v -> new BoardService(v.service().code(), v.service().prefix(),
                        "zh".equals(locale.getLanguage()) ? v.service().nameZh() : v.service().nameEn(), v.waiting()))
                .toList());
        model.addAttribute("notices", properties.notices(locale));
        model.addAttribute("sayZh", messages.getMessage("queueing.board.say", null, Locale.SIMPLIFIED_CHINESE));
        model.addAttribute("sayEn", messages.getMessage("queueing.board.say", null, Locale.ENGLISH));
        return "queueing/board";
    }

    @GetMapping(path = "/board/{branchCode}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter boardEvents(@PathVariable String branchCode,
                           @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                           @RequestParam(required = false) String after, Locale locale) {
        BranchSummary branch = config.branch(branchCode);
        return hub.subscribe(LiveHub.Kind.BOARD, branch.code(), null, locale, cursor(lastEventId, after));
    }

    @Operation(summary = "Live events of a branch lobby (SSE): ticket-issued, ticket-called, ticket-cancelled, waiting;"
            + " send Last-Event-ID to catch up")
    @GetMapping(path = "/api/v1/branches/{branchCode}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter staffEvents(@PathVariable String branchCode,
                           @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                           @RequestParam(required = false) String after, Locale locale) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branch.code());
        return hub.subscribe(LiveHub.Kind.STAFF, branch.code(), null, locale, cursor(lastEventId, after));
    }

    @GetMapping(path = "/q/{statusToken}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter ticketEvents(@PathVariable String statusToken, Locale locale) {
        String branchCode = tickets.status(statusToken).ticket().branchCode();
        return hub.subscribe(LiveHub.Kind.TICKET, branchCode, statusToken, locale, null);
    }

    /** The Last-Event-ID header wins over the {@code after} parameter (the page's first connection). */
    private static Long cursor(String lastEventId, String after) {
        for (String v : new String[] {lastEventId, after}) {
            if (v != null && v.matches("\\d{1,18}")) {
                return Long.parseLong(v);
            }
        }
        return null;
    }
}
