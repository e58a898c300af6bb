package org.fuwu.contact.internal;

/** Sends one reply on its channel (SMTP, the SMS port, WeChat's customer-service API). */
public interface ChannelSender {

    /**
     * One reply, decrypted just before sending.
     *
     * @param conversationId the conversation (for a reference the channel carries back)
     * @param address the customer's address on the channel
     * @param subject an e-mail's subject, or null
     * @param text the text
     * @param inReplyTo the Message-ID an e-mail answers, or null
     * @param references the thread's Message-IDs (e-mail), oldest first
     * @param reference a unique reference of this message (an idempotency key for the channel)
     */
    record Outbound(long conversationId, String address, String subject, String text, String inReplyTo,
                    java.util.List<String> references, String reference) {

        @Override
        public String toString() {
            return "Outbound[conversation=" + conversationId + ", reference=" + reference + "]";
        }
    }

    /** What became of one attempt: ACCEPTED (with the channel's id), REJECTED for good, or FAILED for now. */
    record Delivery(Outcome outcome, String externalId, String reason) {
        public enum Outcome { ACCEPTED, REJECTED, FAILED }

        public static Delivery accepted(String id) {
            return new Delivery(Outcome.ACCEPTED, id, null);
        }

        public static Delivery rejected(String reason) {
            return new Delivery(Outcome.REJECTED, null, reason);
        }

        public static Delivery failed(String reason) {
            return new Delivery(Outcome.FAILED, null, reason);
        }
    }

    ContactChannel channel();

    /** Whether the channel is set up to send at all. */
    default boolean configured() {
        return true;
    }

    /** Never throws for a failed send; never logs the address or the text. */
    Delivery send(Outbound message);
}
