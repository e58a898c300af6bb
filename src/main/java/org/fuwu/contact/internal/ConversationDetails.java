package org.fuwu.contact.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fuwu.platform.Masking;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.Role;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.staff.AgentDirectory;
import org.springframework.stereotype.Service;

/**
 * Conversations as staff see them: the customer's name masked, the assigned agent, the routing
 * explanation and every offer, and the timeline with internal notes (whispers only for the agent they
 * were for and supervisors). An agent sees the conversations offered to or handled by them; supervisors
 * and administrators see every one (404 otherwise, so ids are not probed).
 */
@Service
public class ConversationDetails {

    /** A conversation in a list. */
    public record Summary(long id, String channel, String status, String language, String customerName, boolean verified,
                          boolean vip, String queue, Instant createdAt, Instant queuedAt, Instant offerExpiresAt,
                          Instant assignedAt, Long agentId, String explanation, String callState, boolean callback) {
    }

    /** An offer in a conversation's history. */
    public record OfferView(long agentId, String agentName, Instant offeredAt, Instant expiresAt, String outcome,
                            String explanation) {
    }

    /** A conversation in full. */
    public record Detail(Summary conversation, String agentName, Instant endedAt, String endedBy, String wrapUpCode,
                         List<OfferView> offers, List<ChatService.Line> lines) {
    }

    private final ConversationStore conversations;
    private final TimelineStore timelineStore;
    private final Timeline timeline;
    private final AgentDirectory directory;
    private final PersonalData personalData;

    ConversationDetails(ConversationStore conversations, TimelineStore timelineStore, Timeline timeline,
                        AgentDirectory directory, PersonalData personalData) {
        this.conversations = conversations;
        this.timelineStore = timelineStore;
        this.timeline = timeline;
        this.directory = directory;
        this.personalData = personalData;
    }

    public Summary summary(Conversation c) {
        String name = c.customerNameEnc() == null ? null : Masking.keep(personalData.decrypt(c.customerNameEnc()), 1, 0);
        return new Summary(c.id(), c.channel().name(), c.status().name(), c.language(), name, c.verified(), c.vip(),
                c.queueCode(), c.createdAt(), c.queuedAt(), c.offerExpiresAt(), c.assignedAt(), c.agentId(), c.explanation(),
                c.callState(), c.callback());
    }

    public Detail detail(StaffPrincipal me, long id) {
        Conversation c = conversations.find(id).orElseThrow(() -> new NotFoundException("conversation", id));
        boolean supervisor = me.hasRole(Role.SUPERVISOR) || me.hasRole(Role.ADMIN);
        List<ConversationStore.OfferRow> offers = conversations.offersOf(id);
        boolean mine = Long.valueOf(me.accountId()).equals(c.agentId()) || Long.valueOf(me.accountId()).equals(c.offerAgentId())
                || offers.stream().anyMatch(o -> o.agentId() == me.accountId());
        if (!supervisor && !mine) {
            throw new NotFoundException("conversation", id);
        }
        Map<Long, String> names = new HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        offers.forEach(o -> ids.add(o.agentId()));
        if (c.agentId() != null) {
            ids.add(c.agentId());
        }
        directory.findAll(ids).forEach(p -> names.put(p.accountId(), p.displayName()));
        List<OfferView> offerViews = offers.stream().map(o -> new OfferView(o.agentId(), names.get(o.agentId()),
                o.offeredAt(), o.expiresAt(), o.outcome(), o.explanation())).toList();
        List<ChatService.Line> lines = timelineStore.of(id, 0).stream()
                .filter(e -> !"AGENT".equals(e.audience()) || supervisor || e.agentMaySee(me.accountId()))
                .filter(e -> !"OFFER".equals(e.kind()) && !"OFFER_CLOSED".equals(e.kind()))
                .map(e -> ChatService.line(e, timeline.text(e))).toList();
        return new Detail(summary(c), c.agentId() == null ? null : names.get(c.agentId()), c.endedAt(), c.endedBy(),
                c.wrapUpCode(), offerViews, lines);
    }
}
