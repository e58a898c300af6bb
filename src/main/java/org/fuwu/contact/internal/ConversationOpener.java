package org.fuwu.contact.internal;

import java.time.Instant;

import org.fuwu.contact.ConversationStarted;
import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.Segment;
import org.fuwu.platform.CustomerTokens;
import org.fuwu.platform.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Starts a conversation on any channel, in the caller's transaction: what a recognised customer brings (their
 * name, VIP by segment, their language, the agent who served them last as the preferred one), the queue's
 * priority, a fresh customer token, the QUEUED status on the timeline, {@link ConversationStarted}, and a
 * routing round after the commit. Chat, the channel intake, the phone and the branch all open through it.
 */
@Component
class ConversationOpener {

    /**
     * What a channel knows of a new conversation.
     *
     * @param language zh-CN or en; null: the customer's preferred language, else zh-CN
     * @param typedName the name a guest typed (used when no customer is recognised), or null
     * @param customer the recognised customer, or null
     * @param verified whether the channel verified who this is
     */
    record Opening(ContactChannel channel, String language, String typedName, CustomerRef customer, boolean verified,
                   String topic, String queue, String idempotencyKey, String addressEnc, String addressIndex,
                   String subjectEnc) {
    }

    private final ConversationStore conversations;
    private final ContactConfigStore config;
    private final Timeline timeline;
    private final ContactRouting routing;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;

    ConversationOpener(ConversationStore conversations, ContactConfigStore config, Timeline timeline, ContactRouting routing,
                       PersonalData personalData, ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.config = config;
        this.timeline = timeline;
        this.routing = routing;
        this.personalData = personalData;
        this.events = events;
    }

    /** A conversation opened: its id and the customer's token to it. */
    record Opened(long id, String token) {
    }

    Opened open(Opening o, Instant now) {
        CustomerRef c = o.customer();
        String language = o.language() != null ? o.language()
                : c != null && c.preferredLanguage() != null && c.preferredLanguage().startsWith("en") ? "en" : "zh-CN";
        String name = c != null ? c.name() : o.typedName();
        String token = CustomerTokens.next();
        long id = conversations.insert(new ConversationStore.NewConversation(token, o.channel(), language,
                name == null ? null : personalData.encrypt(name), c == null ? null : c.id(), o.verified(),
                c != null && c.segment() != Segment.ORDINARY, o.topic(), o.queue(),
                config.queue(o.queue()).map(ContactQueue::priority).orElse(0),
                c == null ? null : conversations.lastAgentOf(c.id()).orElse(null), o.idempotencyKey(), now, o.addressEnc(),
                o.addressIndex(), o.subjectEnc()));
        timeline.append(id, null, "STATUS", "ALL", "SYSTEM", null, null, "status=QUEUED", now);
        events.publishEvent(new ConversationStarted(id, o.channel().name(), o.queue(), c == null ? null : c.id(), now));
        routing.requestRound();
        return new Opened(id, token);
    }
}
