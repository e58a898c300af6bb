package org.fuwu.contact.live;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.ChatService;
import org.fuwu.contact.internal.ConversationDetails;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The contact centre's live streams (Server-Sent Events) and typing indicators: the customer's chat
 * stream by token, the agent's workstation stream, a supervisor's monitor of one conversation, and the
 * wall. Each resumes from {@code Last-Event-ID} (or {@code lastEventId}, for a page's first connection).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contact centre")
class ContactLiveController {

    private final ContactHub hub;
    private final ChatService chat;
    private final ConversationDetails details;
    private final ConversationStore conversations;

    ContactLiveController(ContactHub hub, ChatService chat, ConversationDetails details, ConversationStore conversations) {
        this.hub = hub;
        this.chat = chat;
        this.details = details;
        this.conversations = conversations;
    }

    @GetMapping(path = "/chat/conversations/{token}/events", produces = "text/event-stream")
    SseEmitter customer(@PathVariable String token, @RequestHeader(value = "Last-Event-ID", required = false) Long last,
                        @RequestParam(required = false) Long lastEventId) {
        long id = chat.byToken(token).id();
        return hub.subscribe(ContactHub.Kind.CUSTOMER, id, last != null ? last : lastEventId);
    }

    @PostMapping("/chat/conversations/{token}/typing")
    ResponseEntity<Void> customerTyping(@PathVariable String token) {
        var c = chat.byToken(token);
        if (c.status().open()) {
            hub.typing(c.id(), c.currentAgent(), true);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/agents/me/events", produces = "text/event-stream")
    SseEmitter agent(@RequestHeader(value = "Last-Event-ID", required = false) Long last,
                     @RequestParam(required = false) Long lastEventId) {
        return hub.subscribe(ContactHub.Kind.AGENT, CurrentStaff.get().accountId(), last != null ? last : lastEventId);
    }

    @PostMapping("/conversations/{id}/typing")
    ResponseEntity<Void> agentTyping(@PathVariable long id) {
        details.detail(CurrentStaff.get(), id);
        var c = conversations.find(id).orElseThrow(() -> new NotFoundException("conversation", id));
        if (c.status() == org.fuwu.contact.internal.ConversationStatus.ASSIGNED
                && c.agentId() != null && c.agentId() == CurrentStaff.get().accountId()) {
            hub.typing(id, c.agentId(), false);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/conversations/{id}/events", produces = "text/event-stream")
    SseEmitter monitor(@PathVariable long id, @RequestHeader(value = "Last-Event-ID", required = false) Long last,
                       @RequestParam(required = false) Long lastEventId) {
        details.detail(CurrentStaff.get(), id);
        return hub.subscribe(ContactHub.Kind.MONITOR, id, last != null ? last : lastEventId);
    }

    @GetMapping(path = "/contact/wall/events", produces = "text/event-stream")
    SseEmitter wall() {
        return hub.subscribe(ContactHub.Kind.WALL, 0, null);
    }
}
