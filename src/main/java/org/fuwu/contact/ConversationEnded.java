package org.fuwu.contact;

import java.time.Instant;

/**
 * A conversation ended: wrapped up by its agent, or abandoned by the customer before an agent took it.
 *
 * @param conversationId the conversation
 * @param agentId the agent, or null when abandoned
 * @param queue its queue
 * @param channel its channel
 * @param customerId the customer, or null for a guest
 * @param outcome ENDED or ABANDONED
 * @param wrapUpCode the agent's wrap-up code, or null when abandoned
 * @param waitSeconds queued to accepted (or to abandoned)
 * @param handleSeconds accepted to ended; 0 when abandoned
 * @param occurredAt when
 */
public record ConversationEnded(long conversationId, Long agentId, String queue, String channel, Long customerId,
                                String outcome, String wrapUpCode, long waitSeconds, long handleSeconds,
                                Instant occurredAt) {
}
