package org.fuwu.contact.channel;

import jakarta.servlet.http.HttpServletRequest;

import org.fuwu.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a webhook with a bad signature: 401 problem, and nothing stored. */
@RestControllerAdvice(basePackageClasses = ChannelExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChannelExceptionHandler {

    private final Problems problems;

    ChannelExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(BadSignatureException.class)
    ResponseEntity<ProblemDetail> badSignature(HttpServletRequest req) {
        ProblemDetail p = problems.build(req, HttpStatus.UNAUTHORIZED, "bad-signature", "contact.problem.badSignature");
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
