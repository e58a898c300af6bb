package org.fuwu.platform;

import java.util.Objects;

/**
 * A text message to one mobile number, for the {@link SmsGateway}.
 *
 * @param to the recipient, a normalised mobile number (see {@link Identifiers#normaliseMobile}); personal
 *        data: never logged, and {@link #toString()} masks it
 * @param text the message text, already in the recipient's language
 * @param reference the sender's own reference of this message, unique per message and the same on every
 *        retry, so that a gateway can deduplicate (idempotency); such as {@code queue-almost-4711}
 */
public record SmsMessage(String to, String text, String reference) {

    public SmsMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reference, "reference");
        if (to.isBlank() || text.isBlank() || reference.isBlank()) {
            throw new IllegalArgumentException("an SMS needs a recipient, a text and a reference");
        }
        if (reference.length() > 100) {
            throw new IllegalArgumentException("an SMS reference has at most 100 characters");
        }
    }

    /** The recipient, masked ({@code 138****5678}): what logs and screens may show. */
    public String maskedTo() {
        return Masking.mobile(to);
    }

    @Override
    public String toString() {
        return "SmsMessage[to=" + maskedTo() + ", reference=" + reference + ", length=" + text.length() + "]";
    }
}
