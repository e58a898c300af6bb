package org.fuwu.contact.internal;

import org.fuwu.feedback.Ratings;
import org.fuwu.platform.ConflictException;
import org.springframework.stereotype.Service;

/**
 * The customer rates their chat once an agent has served it (ended by the agent, or left by the customer
 * after an agent took it): 1 to 5 with an optional comment, once (409 after that), through feedback's
 * {@link Ratings}. A chat no agent took (waiting, abandoned) cannot be rated (409).
 */
@Service
public class ChatRatings {

    private final ChatService chat;
    private final Ratings ratings;

    ChatRatings(ChatService chat, Ratings ratings) {
        this.chat = chat;
        this.ratings = ratings;
    }

    public Ratings.Rating rate(String token, Integer score, String comment) {
        Conversation c = chat.byToken(token);
        if (c.agentId() == null || !(c.status() == ConversationStatus.ENDED || c.status() == ConversationStatus.ASSIGNED)) {
            throw new ConflictException("contact.conflict.notRatable", String.valueOf(c.id()));
        }
        return ratings.rate(new Ratings.RatingInput(Ratings.Subject.CONVERSATION, String.valueOf(c.id()), c.customerId(),
                c.agentId(), c.channel().name(), score == null ? 0 : score, comment));
    }
}
