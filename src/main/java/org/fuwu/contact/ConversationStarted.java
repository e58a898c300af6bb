package org.fuwu.contact;

import java.time.Instant;

/**
 * A customer started a conversation on a channel, and it waits in a queue.
 *
 * @param conversationId the conversation
 * @param channel WEB_CHAT, APP_CHAT, EMAIL, SMS, WECHAT, VOICE or BRANCH
 * @param queue the queue it waits in
 * @param customerId the recognised customer, or null for a guest
 * @param occurredAt when
 */
public record ConversationStarted(long conversationId, String channel, String queue, Long customerId,
                                  Instant occurredAt) {
}
