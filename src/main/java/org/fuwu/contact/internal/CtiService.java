package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.fuwu.contact.ConversationEnded;
import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Identifiers;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The phone channel (CTI): the telephony platform tells Fuwu of each call (offered with ANI, DNIS, the
 * IVR choice and the IVR's self-service result) and of what happens to it (answered, held, resumed,
 * transferred, ended, abandoned, a recording); Fuwu routes the call like any conversation, and the
 * agent's softphone panel drives it through the {@link TelephonyPort}. Virtual hold: a caller who asks
 * for a callback hangs up and keeps their place; when an agent takes it, the softphone dials them back.
 * A callback is never counted as abandoned.
 */
@Service
public class CtiService {

    /** What the platform reports of a call after it is offered. */
    static final Set<String> EVENTS = Set.of("ANSWERED", "HELD", "RESUMED", "TRANSFERRED", "ENDED", "ABANDONED", "RECORDING");

    /**
     * A call offered to the contact centre.
     *
     * @param callId the platform's call id
     * @param ani the caller's number
     * @param dnis the number dialled
     * @param ivrChoice the IVR menu choice: a queue code, or null for the default queue
     * @param ivrResult what the caller did in IVR self-service, such as {@code balance-heard}; kept on the timeline
     * @param ivrVerified whether the IVR verified the caller (a phone-banking PIN): then the caller's number is a
     *        verified identity
     * @param language zh-CN or en (the IVR language), or null
     * @param cardNumber a card number the caller keyed in the IVR, or null: finds the customer when the ANI does not
     */
    public record CallOffered(String callId, String ani, String dnis, String ivrChoice, String ivrResult, boolean ivrVerified,
                              String language, String cardNumber) {

        public CallOffered(String callId, String ani, String dnis, String ivrChoice, String ivrResult, boolean ivrVerified,
                           String language) {
            this(callId, ani, dnis, ivrChoice, ivrResult, ivrVerified, language, null);
        }

        @Override
        public String toString() {
            return "CallOffered[callId=" + callId + ", ivrChoice=" + ivrChoice + "]";
        }
    }

    private final ConversationStore conversations;
    private final ChannelStore channels;
    private final ContactConfigStore config;
    private final CustomerDirectory customers;
    private final Timeline timeline;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final TelephonyPort telephony;
    private final Clock clock;
    private final ContactProperties properties;
    private final TransactionTemplate tx;
    private final ConversationOpener opener;

    CtiService(ConversationStore conversations, ChannelStore channels, ContactConfigStore config, CustomerDirectory customers,
               Timeline timeline, PersonalData personalData, ApplicationEventPublisher events,
               TelephonyPort telephony, Clock clock, ContactProperties properties, PlatformTransactionManager txManager,
               ConversationOpener opener) {
        this.opener = opener;
        this.conversations = conversations;
        this.channels = channels;
        this.config = config;
        this.customers = customers;
        this.timeline = timeline;
        this.personalData = personalData;
        this.events = events;
        this.telephony = telephony;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txManager);
    }

    static String callId(String raw) {
        if (raw == null || !raw.strip().matches("[A-Za-z0-9._:@-]{1,100}")) {
            throw FieldValidationException.of("callId", "contact.validation.callId");
        }
        return raw.strip();
    }

    /** A call arrives: a VOICE conversation in the queue of the IVR choice (idempotent by call id). */
    public Conversation offered(CallOffered in) {
        String callId = callId(in.callId());
        String ani = in.ani() == null ? null : Identifiers.normaliseMobile(in.ani().strip());
        if (ani == null || !ani.matches("\\+?[0-9]{3,20}")) {
            throw FieldValidationException.of("ani", "contact.validation.ani");
        }
        String queue = in.ivrChoice() == null || in.ivrChoice().isBlank() ? properties.defaultQueue() : in.ivrChoice().strip();
        if (config.queue(queue).filter(ContactQueue::active).isEmpty()) {
            throw FieldValidationException.of("ivrChoice", "contact.validation.queue");
        }
        String lang = in.language() == null || in.language().isBlank() ? null : ChatService.language(in.language());
        return tx.execute(s -> {
            var known = conversations.findByCall(callId);
            if (known.isPresent()) {
                return known.get();
            }
            Instant now = clock.instant();
            CustomerRef customer = customers.findByIdentity(IdentityKind.MOBILE, ani).filter(CustomerRef::active)
                    .or(() -> in.cardNumber() == null || in.cardNumber().isBlank() ? java.util.Optional.empty()
                            : customers.findByIdentity(IdentityKind.CARD_NUMBER, in.cardNumber()).filter(CustomerRef::active))
                    .orElse(null);
            long id = opener.open(new ConversationOpener.Opening(ContactChannel.VOICE, lang, null, customer,
                    customer != null && in.ivrVerified(), queue, queue, null, personalData.encrypt(ani),
                    personalData.blindIndex(IdentityKind.MOBILE.indexKind(), ani), null), now).id();
            conversations.setCall(id, callId, "RINGING");
            channels.recordInbound(ContactChannel.VOICE, callId, id, now);
            String ivr = "dnis=" + clip(in.dnis()) + (in.ivrResult() == null ? "" : ";ivr=" + clip(in.ivrResult()))
                    + (in.ivrVerified() ? ";ivrVerified=true" : "");
            timeline.append(id, null, "CALL", "STAFF", "SYSTEM", null, null, "call=OFFERED;" + ivr, now);
            return conversations.find(id).orElseThrow();
        });
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("[^A-Za-z0-9._:+-]", "");
        return t.length() > 40 ? t.substring(0, 40) : t;
    }

    /** The platform reports what happened to a call. 404 for an unknown call; 422 for an unknown event. */
    public Conversation event(String rawCallId, String type, String recordingRef) {
        String callId = callId(rawCallId);
        String t = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
        if (!EVENTS.contains(t)) {
            throw FieldValidationException.of("type", "contact.validation.callEvent");
        }
        return tx.execute(s -> {
            Conversation c = conversations.findByCall(callId).orElseThrow(() -> new NotFoundException("call", callId));
            Instant now = clock.instant();
            switch (t) {
                case "ANSWERED", "RESUMED" -> conversations.setCall(c.id(), null, "TALKING");
                case "HELD" -> conversations.setCall(c.id(), null, "HELD");
                case "ENDED" -> conversations.setCall(c.id(), null, "ENDED");
                case "ABANDONED" -> {
                    conversations.setCall(c.id(), null, "ENDED");
                    // the caller hung up before an agent took the call; a callback request is not an abandon
                    if (!c.callback() && conversations.abandon(c.id(), now)) {
                        if (c.status() == ConversationStatus.OFFERED && c.offerAgentId() != null) {
                            conversations.resolveOffer(c.id(), c.offerAgentId(), "WITHDRAWN", now);
                            timeline.append(c.id(), c.offerAgentId(), "OFFER_CLOSED", "AGENT", "SYSTEM", null, null,
                                    "outcome=WITHDRAWN", now);
                        }
                        timeline.append(c.id(), null, "STATUS", "ALL", "SYSTEM", null, null, "status=ABANDONED", now);
                        events.publishEvent(new ConversationEnded(c.id(), null, c.queueCode(), c.channel().name(),
                                c.customerId(), "ABANDONED", null, Duration.between(c.queuedAt(), now).toSeconds(), 0, now));
                    }
                }
                default -> {
                    // TRANSFERRED (by the platform) and RECORDING are kept on the timeline only
                }
            }
            String data = "call=" + t + (recordingRef == null || recordingRef.isBlank() ? "" : ";recording=" + clip(recordingRef));
            timeline.append(c.id(), c.currentAgent(), "CALL", "STAFF", "SYSTEM", null, null, data, now);
            return conversations.find(c.id()).orElseThrow();
        });
    }

    /** Virtual hold: the caller asks to be called back (at the number given, or their ANI) and hangs up. */
    public Conversation callback(String rawCallId, String number) {
        String callId = callId(rawCallId);
        return tx.execute(s -> {
            Conversation c = conversations.findByCall(callId).orElseThrow(() -> new NotFoundException("call", callId));
            if (c.status() != ConversationStatus.QUEUED && c.status() != ConversationStatus.OFFERED) {
                throw new ConflictException("contact.conflict.notQueued", callId);
            }
            String n = number == null || number.isBlank() ? null : Identifiers.normaliseMobile(number.strip());
            if (n != null && !Identifiers.isMobile(n)) {
                throw FieldValidationException.of("number", "queueing.validation.mobile");
            }
            conversations.setCallback(c.id(), n == null ? c.addressEnc() : personalData.encrypt(n));
            timeline.append(c.id(), c.currentAgent(), "CALL", "STAFF", "SYSTEM", null, null, "call=CALLBACK_REQUESTED",
                    clock.instant());
            return conversations.find(c.id()).orElseThrow();
        });
    }

    /**
     * The agent's softphone: ANSWER, HOLD, RESUME, TRANSFER (to a queue), HANGUP, or DIAL (a callback). The
     * command goes to the platform; its event changes the state. 409 when the call is not this agent's, or
     * the platform refused.
     */
    public Conversation command(StaffPrincipal me, long conversationId, String action, String target) {
        TelephonyPort.Command cmd;
        try {
            cmd = TelephonyPort.Command.valueOf(action == null ? "" : action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldValidationException.of("action", "contact.validation.callAction");
        }
        Conversation c = conversations.find(conversationId).orElseThrow(() -> new NotFoundException("conversation", conversationId));
        if (c.channel() != ContactChannel.VOICE || c.status() != ConversationStatus.ASSIGNED || c.agentId() == null
                || c.agentId() != me.accountId()) {
            throw new ConflictException("contact.conflict.notYours", String.valueOf(conversationId));
        }
        String t = target;
        if (cmd == TelephonyPort.Command.TRANSFER && (t == null || config.queue(t.strip()).isEmpty())) {
            throw FieldValidationException.of("target", "contact.validation.queue");
        }
        if (cmd == TelephonyPort.Command.DIAL) {
            if (!c.callback()) {
                throw new ConflictException("contact.conflict.noCallback", String.valueOf(conversationId));
            }
            t = personalData.decrypt(callbackNumber(c));
        }
        if (!telephony.send(cmd, c.callId(), me.username(), t)) {
            throw new ConflictException("contact.conflict.telephony", String.valueOf(conversationId));
        }
        return conversations.find(conversationId).orElseThrow();
    }

    private String callbackNumber(Conversation c) {
        return tx.execute(s -> conversations.callbackNumber(c.id()));
    }
}
