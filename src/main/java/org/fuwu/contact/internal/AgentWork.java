package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.contact.ConversationAssigned;
import org.fuwu.contact.ConversationEnded;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.Media;
import org.fuwu.routing.Presence;
import org.fuwu.staff.AgentDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an agent (and a supervisor) does with conversations: presence, accept or decline an offer,
 * reply, write internal notes, transfer, end with a wrap-up code; and a supervisor's whisper and
 * reassignment. Every step is checked against the conversation's stored state (409 when it moved on).
 */
@Service
public class AgentWork {

    /** The channels whose replies leave through the outbox (chat replies reach the customer's stream). */
    static final Set<ContactChannel> OUTBOUND = Set.of(ContactChannel.EMAIL, ContactChannel.SMS, ContactChannel.WECHAT);

    /** The presences an agent may choose; BUSY follows from their load, AFTER_CALL_WORK from ending a contact. */
    static final Set<Presence> CHOOSABLE = Set.of(Presence.AVAILABLE, Presence.BREAK, Presence.OFFLINE);

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final ContactConfigStore config;
    private final AgentDirectory directory;
    private final Timeline timeline;
    private final ContactRouting routing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContactProperties properties;
    private final TransactionTemplate tx;
    private final org.fuwu.platform.AuditLog audit;
    private final Outbox outbox;
    private final ChannelStore channels;

    AgentWork(ConversationStore conversations, AgentStore agents, ContactConfigStore config, AgentDirectory directory,
              Timeline timeline, ContactRouting routing, ApplicationEventPublisher events, Clock clock,
              ContactProperties properties, PlatformTransactionManager txManager, org.fuwu.platform.AuditLog audit,
              Outbox outbox, ChannelStore channels) {
        this.audit = audit;
        this.outbox = outbox;
        this.channels = channels;
        this.conversations = conversations;
        this.agents = agents;
        this.config = config;
        this.directory = directory;
        this.timeline = timeline;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txManager);
    }

    /** An agent's state as the workstation shows it. */
    public record AgentState(long accountId, String displayName, Presence presence, Presence effective,
                             Instant presenceSince, Instant acwUntil, Set<String> queues, Map<String, Integer> skills,
                             List<Conversation> open) {
    }

    public AgentState state(StaffPrincipal me) {
        long id = agentId(me);
        return tx.execute(s -> {
            agents.ensure(id, clock.instant());
            return state(id);
        });
    }

    AgentState state(long id) {
        AgentStore.AgentRow row = agents.find(id).orElseThrow(() -> new NotFoundException("agent", id));
        // an account without a staff profile (a machine token's) is no agent: no skills, so never offered work
        var profile = directory.find(id).orElse(new AgentDirectory.AgentProfile(id, "", "#" + id, Map.of(), false));
        List<Conversation> open = conversations.openOf(id);
        return new AgentState(id, profile.displayName(), row.presence(), effective(row.presence(), open.size()),
                row.presenceSince(), row.acwUntil(), row.queues(), profile.skills(), open);
    }

    /** What the wall and the workstation show: BUSY for an available agent with work in hand. */
    static Presence effective(Presence stored, int open) {
        return stored == Presence.AVAILABLE && open > 0 ? Presence.BUSY : stored;
    }

    /**
     * Sets the agent's presence: AVAILABLE, BREAK or OFFLINE (422 naming {@code state} otherwise). Leaving
     * AVAILABLE takes back the offers not yet accepted (to the queue, the agent not excluded); conversations
     * in hand stay with the agent.
     */
    public AgentState setPresence(StaffPrincipal me, String state) {
        Presence p = presence(state);
        long id = agentId(me);
        return tx.execute(s -> {
            Instant now = clock.instant();
            agents.ensure(id, now);
            agents.lock(id);
            AgentStore.AgentRow row = agents.find(id).orElseThrow();
            List<Conversation> open = conversations.openOf(id);
            if (p != Presence.AVAILABLE) {
                for (Conversation c : open) {
                    if (c.status() == ConversationStatus.OFFERED && conversations.requeueFromOffer(c.id(), id, c.excludedAgents())) {
                        conversations.resolveOffer(c.id(), id, "WITHDRAWN", now);
                        timeline.append(c.id(), id, "OFFER_CLOSED", "AGENT", "SYSTEM", null, null, "outcome=WITHDRAWN", now);
                    }
                }
            }
            boolean holding = open.stream().anyMatch(c -> c.status() == ConversationStatus.ASSIGNED);
            Instant idle = p == Presence.AVAILABLE && row.presence() != Presence.AVAILABLE && !holding ? now : row.idleSince();
            agents.setPresence(id, p, now, idle, null);
            timeline.append(0, id, "PRESENCE", "AGENT", "SYSTEM", null, null, "presence=" + p, now);
            routing.requestRound();
            return state(id);
        });
    }

    static Presence presence(String state) {
        try {
            Presence p = Presence.valueOf(state == null ? "" : state.strip().toUpperCase(java.util.Locale.ROOT));
            if (CHOOSABLE.contains(p)) {
                return p;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the field error
        }
        throw FieldValidationException.of("state", "contact.validation.presence");
    }

    /** Accepts an offer made to this agent; 409 when it lapsed, was withdrawn or is someone else's. */
    public Conversation accept(StaffPrincipal me, long conversationId) {
        long id = agentId(me);
        return tx.execute(s -> {
            Instant now = clock.instant();
            Conversation c = conversation(conversationId);
            if (!conversations.accept(conversationId, id, now)) {
                throw new ConflictException("contact.conflict.offerGone", String.valueOf(conversationId));
            }
            conversations.resolveOffer(conversationId, id, "ACCEPTED", now);
            String name = directory.find(id).map(AgentDirectory.AgentProfile::displayName).orElse(me.displayName());
            timeline.append(conversationId, id, "STATUS", "ALL", "AGENT", name, null, "status=ASSIGNED", now);
            events.publishEvent(new ConversationAssigned(conversationId, id, c.queueCode(),
                    Duration.between(c.queuedAt(), now).toSeconds(), c.explanation(), now));
            return conversation(conversationId);
        });
    }

    /** Declines an offer: back to the queue, never offered to this agent again. */
    public void decline(StaffPrincipal me, long conversationId) {
        long id = agentId(me);
        tx.executeWithoutResult(s -> {
            Conversation c = conversation(conversationId);
            Set<Long> excluded = new HashSet<>(c.excludedAgents());
            excluded.add(id);
            if (c.status() != ConversationStatus.OFFERED || !conversations.requeueFromOffer(conversationId, id, excluded)) {
                throw new ConflictException("contact.conflict.offerGone", String.valueOf(conversationId));
            }
            Instant now = clock.instant();
            conversations.resolveOffer(conversationId, id, "DECLINED", now);
            timeline.append(conversationId, id, "OFFER_CLOSED", "AGENT", "SYSTEM", null, null, "outcome=DECLINED", now);
            routing.requestRound();
        });
    }

    /** The agent's reply to the customer. */
    public ChatService.Line reply(StaffPrincipal me, long conversationId, String text) {
        String t = ChatService.text(text, properties.maxMessageLength());
        long id = agentId(me);
        return tx.execute(s -> {
            Conversation c = assignedTo(conversationId, id);
            Instant now = clock.instant();
            String name = directory.find(id).map(AgentDirectory.AgentProfile::displayName).orElse(me.displayName());
            TimelineEvent e = timeline.append(c.id(), id, "MESSAGE", "ALL", "AGENT", name, t, null, now);
            conversations.firstReply(c.id(), now);
            if (OUTBOUND.contains(c.channel())) {
                // the reply leaves on the customer's channel after this commit, retried until it is sent
                outbox.enqueue(c, t, channels.lastInboundEmail(c.id()).orElse(null), now);
            }
            return ChatService.line(e, t);
        });
    }

    /** An internal note: staff see it, the customer never does. */
    public ChatService.Line note(StaffPrincipal me, long conversationId, String text) {
        String t = ChatService.text(text, properties.maxMessageLength());
        long id = agentId(me);
        return tx.execute(s -> {
            Conversation c = conversation(conversationId);
            if (!c.status().open() && c.status() != ConversationStatus.ENDED) {
                throw new ConflictException("contact.conflict.conversationOver", String.valueOf(conversationId));
            }
            TimelineEvent e = timeline.append(c.id(), c.currentAgent() != null ? c.currentAgent() : c.agentId(), "NOTE",
                    "STAFF", "AGENT", me.displayName(), t, null, clock.instant());
            return ChatService.line(e, t);
        });
    }

    /** A supervisor's whisper: only the conversation's agent sees it. */
    public ChatService.Line whisper(StaffPrincipal me, long conversationId, String text) {
        String t = ChatService.text(text, properties.maxMessageLength());
        return tx.execute(s -> {
            Conversation c = conversation(conversationId);
            if (c.status() != ConversationStatus.ASSIGNED) {
                throw new ConflictException("contact.conflict.notAssigned", String.valueOf(conversationId));
            }
            TimelineEvent e = timeline.append(c.id(), c.agentId(), "WHISPER", "AGENT", "SUPERVISOR", me.displayName(), t,
                    null, clock.instant());
            return ChatService.line(e, t);
        });
    }

    /**
     * Ends a conversation with a wrap-up code (422 naming {@code wrapUpCode} when unknown). When it was the
     * agent's last, the after-contact-work timer starts.
     */
    public Conversation end(StaffPrincipal me, long conversationId, String wrapUpCode) {
        long id = agentId(me);
        String code = wrapUpCode == null ? "" : wrapUpCode.strip();
        if (config.wrapUpCodes().stream().noneMatch(w -> w.active() && w.code().equals(code))) {
            throw FieldValidationException.of("wrapUpCode", "contact.validation.wrapUpCode");
        }
        return tx.execute(s -> {
            Conversation c = assignedTo(conversationId, id);
            Instant now = clock.instant();
            agents.lock(id);
            if (!conversations.end(c.id(), id, code, now)) {
                throw new ConflictException("contact.conflict.notYours", String.valueOf(conversationId));
            }
            String name = directory.find(id).map(AgentDirectory.AgentProfile::displayName).orElse(me.displayName());
            timeline.append(c.id(), id, "STATUS", "ALL", "AGENT", name, null, "status=ENDED;wrapUp=" + code, now);
            freed(id, now);
            events.publishEvent(new ConversationEnded(c.id(), id, c.queueCode(), c.channel().name(), c.customerId(),
                    "ENDED", code, Duration.between(c.queuedAt(), c.assignedAt()).toSeconds(),
                    Duration.between(c.assignedAt(), now).toSeconds(), now));
            routing.requestRound();
            return conversation(conversationId);
        });
    }

    /** After an agent gave up a conversation: the after-contact-work timer if it was their last, else nothing. */
    private void freed(long id, Instant now) {
        boolean more = conversations.openOf(id).stream().anyMatch(o -> o.status() == ConversationStatus.ASSIGNED);
        AgentStore.AgentRow row = agents.find(id).orElseThrow();
        if (more || row.presence() != Presence.AVAILABLE) {
            return;
        }
        if (properties.afterContactWork().isZero()) {
            agents.setIdleSince(id, now);
        } else {
            Instant until = now.plus(properties.afterContactWork());
            agents.setPresence(id, Presence.AFTER_CALL_WORK, now, now, until);
            timeline.append(0, id, "PRESENCE", "AGENT", "SYSTEM", null, null,
                    "presence=AFTER_CALL_WORK;until=" + until, now);
        }
    }

    /**
     * Transfers a conversation to a queue (its own when none is named) or toward an agent, keeping its
     * timeline: it waits again, the transferring agent excluded; a named agent is preferred, and when
     * they cannot take it, another agent of the queue does. 422 names {@code queue} or {@code agentId}
     * when unknown or when neither is given.
     */
    public Conversation transfer(StaffPrincipal me, long conversationId, String queue, Long agentId) {
        long id = agentId(me);
        return tx.execute(s -> moveBack(me, conversation(conversationId), id, queue, agentId, true));
    }

    /** A supervisor takes a conversation from its agent and gives it to another (or back to a queue). */
    public Conversation reassign(StaffPrincipal me, long conversationId, String queue, Long agentId) {
        return tx.execute(s -> {
            Conversation c = conversation(conversationId);
            if (c.status() != ConversationStatus.ASSIGNED) {
                throw new ConflictException("contact.conflict.notAssigned", String.valueOf(conversationId));
            }
            return moveBack(me, c, c.agentId(), queue, agentId, false);
        });
    }

    private Conversation moveBack(StaffPrincipal me, Conversation c, long from, String queue, Long toAgent,
                                  boolean byAgent) {
        if ((queue == null || queue.isBlank()) && toAgent == null) {
            throw FieldValidationException.of("queue", "contact.validation.transferTarget");
        }
        String q = queue == null || queue.isBlank() ? c.queueCode() : queue.strip();
        if (config.queue(q).filter(ContactQueue::active).isEmpty()) {
            throw FieldValidationException.of("queue", "contact.validation.queue");
        }
        if (toAgent != null && (toAgent == from || directory.find(toAgent).filter(AgentDirectory.AgentProfile::enabled).isEmpty())) {
            throw FieldValidationException.of("agentId", "contact.validation.agent");
        }
        if (c.status() != ConversationStatus.ASSIGNED || c.agentId() == null || c.agentId() != from) {
            throw new ConflictException("contact.conflict.notYours", String.valueOf(c.id()));
        }
        Set<Long> excluded = new HashSet<>(c.excludedAgents());
        excluded.add(from);
        if (toAgent != null) {
            excluded.remove(toAgent);
        }
        Instant now = clock.instant();
        agents.lock(from);
        if (!conversations.transfer(c.id(), from, q, toAgent, excluded)) {
            throw new ConflictException("contact.conflict.notYours", String.valueOf(c.id()));
        }
        timeline.append(c.id(), from, "TRANSFER", "STAFF", byAgent ? "AGENT" : "SUPERVISOR", me.displayName(), null,
                "queue=" + q + (toAgent == null ? "" : ";agent=" + toAgent), now);
        timeline.append(c.id(), null, "STATUS", "ALL", "SYSTEM", null, null, "status=QUEUED", now);
        freed(from, now);
        routing.requestRound();
        return conversation(c.id());
    }

    /** Sets which queues an agent serves and their own capacity per medium (a supervisor's or admin's change). */
    public AgentState configure(long accountId, Set<String> queues, Map<Media, Integer> capacity) {
        if (directory.find(accountId).isEmpty()) {
            throw new NotFoundException("agent", accountId);
        }
        for (String q : queues) {
            if (config.queue(q).isEmpty()) {
                throw FieldValidationException.of("queues", "contact.validation.queue");
            }
        }
        capacity.forEach((m, n) -> {
            if (n == null || n < 0 || n > 20) {
                throw FieldValidationException.of("capacity", "contact.validation.capacity");
            }
        });
        return tx.execute(s -> {
            Instant now = clock.instant();
            agents.ensure(accountId, now);
            agents.lock(accountId);
            agents.setQueuesAndCapacity(accountId, queues, capacity, now);
            audit.success("contact.agent.configure", "staff:" + accountId,
                    Map.of("queues", String.join(",", new java.util.TreeSet<>(queues)),
                            "capacity", AgentStore.capacityText(capacity)));
            routing.requestRound();
            return state(accountId);
        });
    }

    /** Records on the conversation's timeline (for staff) that a case was opened from it. */
    public void noteCase(StaffPrincipal me, long conversationId, String caseNumber) {
        tx.executeWithoutResult(s -> {
            Conversation c = conversation(conversationId);
            timeline.append(c.id(), c.currentAgent() != null ? c.currentAgent() : c.agentId(), "CASE", "STAFF", "AGENT",
                    me.displayName(), null, "case=" + caseNumber, clock.instant());
        });
    }

    /** A routing round after a change made elsewhere (an agent's skills). */
    public void requestRound() {
        routing.requestRound();
    }

    private Conversation assignedTo(long conversationId, long agent) {
        Conversation c = conversation(conversationId);
        if (c.status() != ConversationStatus.ASSIGNED || c.agentId() == null || c.agentId() != agent) {
            throw new ConflictException("contact.conflict.notYours", String.valueOf(conversationId));
        }
        return c;
    }

    public Conversation conversation(long id) {
        return conversations.find(id).orElseThrow(() -> new NotFoundException("conversation", id));
    }

    static long agentId(StaffPrincipal me) {
        if (me.tokenName() != null && me.accountId() <= 0) {
            throw new ConflictException("contact.conflict.notAnAgent");
        }
        return me.accountId();
    }
}
