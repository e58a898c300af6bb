package org.fuwu.contact.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.ChatRatings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The customer rates their chat once it is over (by its token, no log-in). */
@RestController
@Tag(name = "Contact centre: web chat")
class ChatRatingController {

    private final ChatRatings ratings;

    ChatRatingController(ChatRatings ratings) {
        this.ratings = ratings;
    }

    record RatingInput(Integer score, String comment) {
    }

    record Rated(int score, Instant at) {
    }

    @PostMapping("/api/v1/chat/conversations/{token}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a chat an agent served: score 1-5, comment optional (at most 1000 characters); once")
    Rated rate(@PathVariable String token, @RequestBody RatingInput in) {
        var r = ratings.rate(token, in.score(), in.comment());
        return new Rated(r.score(), r.at());
    }
}
