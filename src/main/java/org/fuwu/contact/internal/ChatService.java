package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.fuwu.contact.ConversationEnded;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CustomerTokens;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's side of a chat (web widget or app): start a conversation as a guest, write, leave,
 * and read what they may see, all by the conversation's unguessable token.
 */
@Service
public class ChatService {

    /** What a customer gets on start: the id (for staff references) and the token (their key). */
    public record Started(long id, String token) {
    }

    /** One timeline row as the customer (or staff) sees it, the text decrypted. */
    public record Line(long id, String kind, String authorKind, String authorName, String text, String data, Instant at) {
    }

    /** A conversation as its customer sees it. */
    public record CustomerView(long id, ConversationStatus status, String language, String agentName, List<Line> lines) {
    }

    private final ConversationStore conversations;
    private final ContactConfigStore config;
    private final org.fuwu.customer.CustomerDirectory customers;
    private final ConversationOpener opener;
    private final Timeline timeline;
    private final TimelineStore timelineStore;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContactProperties properties;
    private final TransactionTemplate tx;

    ChatService(ConversationStore conversations, ContactConfigStore config, Timeline timeline, TimelineStore timelineStore,
                ApplicationEventPublisher events, Clock clock,
                ContactProperties properties, PlatformTransactionManager txManager,
                org.fuwu.customer.CustomerDirectory customers, ConversationOpener opener) {
        this.customers = customers;
        this.opener = opener;
        this.conversations = conversations;
        this.config = config;
        this.timeline = timeline;
        this.timelineStore = timelineStore;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Starts a chat. Language zh-CN or en (422 naming {@code language} otherwise); the name, if given, at
     * most 50 characters; the topic, if given, an active queue's code (422 naming {@code topic}). A replay
     * with the same Idempotency-Key returns the first conversation.
     */
    public Started start(String language, String name, String topic, ContactChannel channel, String idempotencyKey) {
        return start(language, name, topic, channel, idempotencyKey, null);
    }

    /**
     * The same, for the bank's app server, which has authenticated its user and names them by their app user id
     * (a machine or staff caller only; 422 naming {@code appUserId} for anyone else): the chat is linked to the
     * customer of that id, verified, and the customer is never asked to verify again.
     */
    public Started start(String language, String name, String topic, ContactChannel channel, String idempotencyKey,
                         String appUserId) {
        org.fuwu.customer.CustomerRef appUser = null;
        if (appUserId != null && !appUserId.isBlank()) {
            if (org.fuwu.platform.CurrentStaff.find().isEmpty()) {
                throw FieldValidationException.of("appUserId", "contact.validation.appUserIdServerOnly");
            }
            appUser = customers.findByIdentity(org.fuwu.customer.IdentityKind.APP_USER_ID, appUserId)
                    .filter(org.fuwu.customer.CustomerRef::active)
                    .orElseThrow(() -> FieldValidationException.of("appUserId", "contact.validation.unknownAppUser"));
        }
        org.fuwu.customer.CustomerRef linked = appUser;
        String lang = language(language);
        String n = name == null || name.isBlank() ? null : name.strip();
        if (n != null && n.codePointCount(0, n.length()) > 50) {
            throw FieldValidationException.of("name", "contact.validation.nameLength");
        }
        if (channel != ContactChannel.WEB_CHAT && channel != ContactChannel.APP_CHAT) {
            throw FieldValidationException.of("channel", "contact.validation.chatChannel");
        }
        String queue = queueFor(topic);
        if (idempotencyKey != null) {
            var first = conversations.findByIdempotencyKey(idempotencyKey);
            if (first.isPresent()) {
                return new Started(first.get().id(), first.get().token());
            }
        }
        try {
            return tx.execute(s -> {
                var o = opener.open(new ConversationOpener.Opening(channel, lang, n, linked, linked != null,
                        topic == null || topic.isBlank() ? null : topic.strip(), queue, idempotencyKey, null, null, null),
                        clock.instant());
                return new Started(o.id(), o.token());
            });
        } catch (DuplicateKeyException e) {
            var first = idempotencyKey == null ? null : conversations.findByIdempotencyKey(idempotencyKey).orElse(null);
            if (first == null) {
                throw e;
            }
            return new Started(first.id(), first.token());
        }
    }

    private String queueFor(String topic) {
        if (topic == null || topic.isBlank()) {
            return properties.defaultQueue();
        }
        return config.queue(topic.strip()).filter(ContactQueue::active).map(ContactQueue::code)
                .orElseThrow(() -> FieldValidationException.of("topic", "contact.validation.topic"));
    }

    /** A message from the customer; 409 once the conversation is over, 422 naming {@code text} when empty or too long. */
    public Line write(String token, String text) {
        String t = text(text, properties.maxMessageLength());
        return tx.execute(s -> {
            Conversation c = byToken(token);
            if (!c.status().open()) {
                throw new ConflictException("contact.conflict.conversationOver", String.valueOf(c.id()));
            }
            TimelineEvent e = timeline.append(c.id(), c.currentAgent(), "MESSAGE", "ALL", "CUSTOMER", null, t, null,
                    clock.instant());
            return line(e, t);
        });
    }

    /** The customer leaves: before an agent took it, it is abandoned; after, the agent is told and wraps up. */
    public CustomerView leave(String token) {
        return tx.execute(s -> {
            Conversation c = byToken(token);
            Instant now = clock.instant();
            if (c.status() == ConversationStatus.QUEUED || c.status() == ConversationStatus.OFFERED) {
                if (conversations.abandon(c.id(), now)) {
                    if (c.offerAgentId() != null && c.status() == ConversationStatus.OFFERED) {
                        conversations.resolveOffer(c.id(), c.offerAgentId(), "WITHDRAWN", now);
                        timeline.append(c.id(), c.offerAgentId(), "OFFER_CLOSED", "AGENT", "SYSTEM", null, null,
                                "outcome=WITHDRAWN", now);
                    }
                    timeline.append(c.id(), null, "STATUS", "ALL", "SYSTEM", null, null, "status=ABANDONED", now);
                    events.publishEvent(new ConversationEnded(c.id(), null, c.queueCode(), c.channel().name(),
                            c.customerId(), "ABANDONED", null, Duration.between(c.queuedAt(), now).toSeconds(), 0, now));
                }
            } else if (c.status() == ConversationStatus.ASSIGNED) {
                timeline.append(c.id(), c.agentId(), "CUSTOMER_LEFT", "ALL", "CUSTOMER", null, null, null, now);
            }
            return view(byToken(token));
        });
    }

    /**
     * E-mails the conversation's transcript (what the customer saw) to an address; 422 naming {@code email}
     * for a bad address, 409 when the e-mail channel is not set up.
     */
    public void transcript(String token, String email, Outbox outbox) {
        String e = email == null ? "" : org.fuwu.platform.Identifiers.normaliseEmail(email.strip());
        if (!org.fuwu.platform.Identifiers.isEmail(e)) {
            throw FieldValidationException.of("email", "contact.validation.email");
        }
        if (!outbox.canSend(ContactChannel.EMAIL)) {
            throw new ConflictException("contact.conflict.noEmail");
        }
        CustomerView v = view(token);
        boolean en = v.language().startsWith("en");
        StringBuilder b = new StringBuilder(en ? "Your conversation #" + v.id() + "\n\n" : "您的会话记录 #" + v.id() + "\n\n");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(properties.zone());
        for (Line l : v.lines()) {
            if ("MESSAGE".equals(l.kind()) || "ATTACHMENT".equals(l.kind())) {
                String who = "CUSTOMER".equals(l.authorKind()) ? (en ? "You" : "我") : l.authorName() == null ? "" : l.authorName();
                b.append(f.format(l.at())).append("  ").append(who).append(": ")
                        .append("ATTACHMENT".equals(l.kind()) ? "[" + l.text() + "]" : l.text()).append('\n');
            }
        }
        tx.executeWithoutResult(s -> outbox.enqueueTo(v.id(), ContactChannel.EMAIL, e,
                en ? "Your chat transcript #" + v.id() : "您的在线客服会话记录 #" + v.id(), b.toString(), clock.instant()));
    }

    public CustomerView view(String token) {
        return view(byToken(token));
    }

    private CustomerView view(Conversation c) {
        List<Line> lines = timelineStore.of(c.id(), 0).stream().filter(TimelineEvent::customerMaySee)
                .map(e -> line(e, timeline.text(e))).toList();
        String agentName = null;
        for (Line l : lines) {
            if ("STATUS".equals(l.kind()) && "status=ASSIGNED".equals(l.data())) {
                agentName = l.authorName();
            }
        }
        return new CustomerView(c.id(), c.status(), c.language(), agentName, lines);
    }

    public Conversation byToken(String token) {
        if (!CustomerTokens.wellFormed(token)) {
            throw new NotFoundException("conversation", "token");
        }
        return conversations.findByToken(token).orElseThrow(() -> new NotFoundException("conversation", "token"));
    }

    static Line line(TimelineEvent e, String text) {
        return new Line(e.id(), e.kind(), e.authorKind(), e.authorName(), text, e.data(), e.occurredAt());
    }

    /** A message text: stripped, 1 to {@code max} characters, or 422 naming {@code text}. */
    static String text(String text, int max) {
        if (text == null || text.isBlank()) {
            throw FieldValidationException.of("text", "contact.validation.textRequired");
        }
        String t = text.strip();
        if (t.codePointCount(0, t.length()) > max) {
            throw FieldValidationException.of("text", "contact.validation.textLength");
        }
        return t;
    }

    /** zh-CN or en, or 422 naming {@code language}. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            throw FieldValidationException.of("language", "contact.validation.language");
        }
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-")) {
            return "zh-CN";
        }
        if (t.equals("en") || t.startsWith("en-")) {
            return "en";
        }
        throw FieldValidationException.of("language", "contact.validation.language");
    }
}
