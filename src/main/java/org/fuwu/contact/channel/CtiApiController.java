package org.fuwu.contact.channel;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.Conversation;
import org.fuwu.contact.internal.CtiService;
import org.fuwu.platform.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CTI integration API for the bank's telephony platform (a machine client with an admin API token):
 * calls offered, their events, virtual-hold callbacks; and the agent's softphone commands.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "CTI", description = "Phone: calls offered by the telephony platform, call events, callbacks, softphone")
class CtiApiController {

    record Offered(String callId, String ani, String dnis, String ivrChoice, String ivrResult, Boolean ivrVerified,
                   String language, String cardNumber) {
    }

    record Event(String type, String recordingRef) {
    }

    record Callback(String number) {
    }

    record Command(String action, String target) {
    }

    /** A call as Fuwu holds it; the customer's numbers are never returned. */
    record CallView(long conversationId, String callId, String status, String callState, boolean callback, String queue,
                    Long agentId) {
        static CallView of(Conversation c) {
            return new CallView(c.id(), c.callId(), c.status().name(), c.callState(), c.callback(), c.queueCode(), c.agentId());
        }
    }

    private final CtiService cti;

    CtiApiController(CtiService cti) {
        this.cti = cti;
    }

    @PostMapping("/cti/calls")
    ResponseEntity<CallView> offered(@RequestBody Offered in) {
        Conversation c = cti.offered(new CtiService.CallOffered(in.callId(), in.ani(), in.dnis(), in.ivrChoice(), in.ivrResult(),
                Boolean.TRUE.equals(in.ivrVerified()), in.language(), in.cardNumber()));
        return ResponseEntity.status(HttpStatus.CREATED).body(CallView.of(c));
    }

    @PostMapping("/cti/calls/{callId}/events")
    CallView event(@PathVariable String callId, @RequestBody Event in) {
        return CallView.of(cti.event(callId, in.type(), in.recordingRef()));
    }

    @PostMapping("/cti/calls/{callId}/callback")
    CallView callback(@PathVariable String callId, @RequestBody(required = false) Callback in) {
        return CallView.of(cti.callback(callId, in == null ? null : in.number()));
    }

    @PostMapping("/conversations/{id}/call")
    ResponseEntity<CallView> command(@PathVariable long id, @RequestBody Command in) {
        return ResponseEntity.accepted().body(CallView.of(cti.command(CurrentStaff.get(), id, in.action(), in.target())));
    }
}
