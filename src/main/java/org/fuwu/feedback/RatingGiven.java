package org.fuwu.feedback;

import java.time.Instant;

/**
 * A customer rated a served interaction.
 *
 * @param ratingId the rating
 * @param subjectKind CONVERSATION, TICKET or CASE
 * @param subjectRef the interaction's id in its module
 * @param customerId the customer, or null for a guest
 * @param staffId the staff member who served, or null
 * @param channel the channel it happened on (WEB_CHAT, BRANCH, …)
 * @param score 1 (very dissatisfied) to 5 (very satisfied)
 * @param at when
 */
public record RatingGiven(long ratingId, String subjectKind, String subjectRef, Long customerId, Long staffId, String channel,
                          int score, Instant at) {
}
