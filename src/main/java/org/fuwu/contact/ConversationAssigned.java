package org.fuwu.contact;

import java.time.Instant;

/**
 * An agent accepted a conversation.
 *
 * @param conversationId the conversation
 * @param agentId the agent's staff account
 * @param queue the queue it was taken from
 * @param waitedSeconds how long it waited, from queued to accepted
 * @param explanation why it was offered to this agent (the routing decision)
 * @param occurredAt when
 */
public record ConversationAssigned(long conversationId, long agentId, String queue, long waitedSeconds,
                                   String explanation, Instant occurredAt) {
}
