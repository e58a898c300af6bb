package org.fuwu.contact.internal;

import java.time.Instant;

/**
 * One row of a conversation's timeline, which is also the live feed.
 *
 * @param id the feed id (streams resume from it)
 * @param conversationId the conversation
 * @param agentId the agent the conversation was with when it happened (an offer: the offered agent), or null
 * @param kind MESSAGE, NOTE, WHISPER, STATUS, OFFER, OFFER_CLOSED, CUSTOMER_LEFT
 * @param audience ALL (customer and staff), STAFF (agents and supervisors, never the customer), AGENT (agentId only)
 * @param authorKind CUSTOMER, AGENT, SUPERVISOR or SYSTEM
 * @param authorName the author's display name (staff), or null
 * @param bodyEnc the text, encrypted, or null
 * @param data small machine-readable detail ("status=ASSIGNED"), never personal data
 * @param occurredAt when
 */
public record TimelineEvent(long id, long conversationId, Long agentId, String kind, String audience, String authorKind,
                            String authorName, String bodyEnc, String data, Instant occurredAt) {

    public boolean customerMaySee() {
        return "ALL".equals(audience);
    }

    /** Whether a staff stream of this agent may see it (the agent's own conversations; AGENT rows are theirs alone). */
    public boolean agentMaySee(long agent) {
        return agentId != null && agentId == agent;
    }
}
