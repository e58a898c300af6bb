package org.fuwu.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ratings after service, for the modules that serve customers. One rating per interaction: a second
 * answers 409. A score is 1 to 5 and a comment at most 1000 characters (422 naming the field otherwise).
 */
public interface Ratings {

    /** The kinds of interaction a customer rates. */
    enum Subject { CONVERSATION, TICKET, CASE }

    /** What a customer said of one interaction. The comment is free text and may hold personal data. */
    record RatingInput(Subject subject, String subjectRef, Long customerId, Long staffId, String channel, int score,
                       String comment) {
    }

    /** A rating as staff see it, the comment decrypted. */
    record Rating(long id, Subject subject, String subjectRef, Long customerId, Long staffId, String channel, int score,
                  String comment, Instant at) {
    }

    /** Records a rating and publishes {@link RatingGiven}. */
    Rating rate(RatingInput in);

    /** The rating of one interaction, if given. */
    Optional<Rating> of(Subject subject, String subjectRef);

    /** A customer's ratings, newest first. */
    List<Rating> ofCustomer(long customerId, int limit);
}
