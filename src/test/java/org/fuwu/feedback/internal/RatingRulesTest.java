package org.fuwu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.feedback.Ratings.RatingInput;
import org.fuwu.feedback.Ratings.Subject;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.junit.jupiter.api.Test;

class RatingRulesTest {

    private static RatingInput rating(int score, String comment) {
        return new RatingInput(Subject.CONVERSATION, "1", null, null, "WEB_CHAT", score, comment);
    }

    @Test
    void aScoreIsOneToFiveAndACommentAtMostAThousandCharacters() {
        assertThat(RatingService.errors(rating(1, null))).isEmpty();
        assertThat(RatingService.errors(rating(5, "好".repeat(1000)))).isEmpty();
        assertThat(RatingService.errors(rating(0, null)).stream().map(FieldError::field)).containsExactly("score");
        assertThat(RatingService.errors(rating(6, "x".repeat(1001))).stream().map(FieldError::field))
                .containsExactly("score", "comment");
        assertThat(RatingService.errors(rating(3, "  " + "x".repeat(1000) + "  "))).as("surrounding blanks do not count").isEmpty();
    }
}
