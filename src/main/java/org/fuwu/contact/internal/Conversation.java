package org.fuwu.contact.internal;

import java.time.Instant;
import java.util.Set;

/**
 * A conversation as stored. The customer's name, their address on the channel (e-mail, mobile, WeChat
 * openid) and an e-mail's subject are kept encrypted; the token is the customer's key to it and is never
 * shown to staff.
 */
public record Conversation(long id, String token, ContactChannel channel, ConversationStatus status, String language,
                           String customerNameEnc, Long customerId, boolean verified, boolean vip, String topic,
                           String queueCode, int priority, Instant createdAt, Instant queuedAt, Long offerAgentId,
                           Instant offerExpiresAt, int offers, Set<Long> excludedAgents, Long preferredAgentId,
                           Long agentId, Instant assignedAt, Instant firstReplyAt, Instant endedAt, String endedBy,
                           String wrapUpCode, String explanation, int version, String addressEnc, String subjectEnc,
                           String callId, String callState, boolean callback) {

    public Conversation {
        excludedAgents = Set.copyOf(excludedAgents);
    }

    /** The agent it is with now: its agent once assigned, the offered agent while offered, else null. */
    public Long currentAgent() {
        return status == ConversationStatus.OFFERED ? offerAgentId : status == ConversationStatus.ASSIGNED ? agentId : null;
    }
}
