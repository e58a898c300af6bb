package org.fuwu.platform;

import java.util.Objects;

/**
 * What an {@link SmsGateway} made of a message.
 *
 * @param outcome accepted, rejected for good, or failed for now
 * @param messageId the gateway's id of an accepted message (may be null when the gateway gives none)
 * @param reason why a message was rejected or failed, such as {@code HTTP 400} or {@code timeout}; never personal data
 */
public record SmsResult(Outcome outcome, String messageId, String reason) {

    /** The three ends of a send. */
    public enum Outcome {
        /** The gateway took the message for delivery. */
        ACCEPTED,
        /** The gateway refused the message (a bad number, a blocked text): sending it again will not help. */
        REJECTED,
        /** The gateway could not be reached or failed on its side, after the gateway's own bounded retries. */
        FAILED
    }

    public SmsResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static SmsResult accepted(String messageId) {
        return new SmsResult(Outcome.ACCEPTED, messageId, null);
    }

    public static SmsResult rejected(String reason) {
        return new SmsResult(Outcome.REJECTED, null, reason);
    }

    public static SmsResult failed(String reason) {
        return new SmsResult(Outcome.FAILED, null, reason);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
