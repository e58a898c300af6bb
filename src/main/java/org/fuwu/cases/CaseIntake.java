package org.fuwu.cases;

import java.time.Instant;

/**
 * How other modules open a case (the contact centre's workstation, the lobby): the module API of
 * {@code cases}. Validation is the same as the API's (422 naming the field).
 */
public interface CaseIntake {

    /**
     * A case to open.
     *
     * @param type INQUIRY, SERVICE_REQUEST, COMPLAINT, FEEDBACK or REGULATOR_COMPLAINT
     * @param customerId the customer, or null (an anonymous complaint)
     * @param summary what the customer asks or complains about (personal data: stored encrypted)
     * @param channel where it came from (BRANCH, WEB_CHAT, VOICE, EMAIL, …)
     * @param receivedAt when it was received (the clocks' start); null: now
     * @param sourceConversationId the contact-centre conversation it was made from, or null
     */
    record NewCase(String type, Long customerId, String summary, String channel, Instant receivedAt,
                   Long sourceConversationId) {

        @Override
        public String toString() {
            return "NewCase[type=" + type + ", channel=" + channel + "]";
        }
    }

    /** The case opened: its id and its number, such as {@code TS2026000123}. */
    record OpenedCase(long id, String number) {
    }

    OpenedCase open(NewCase c);

    /** A customer's case as other modules show it (the agent's customer 360): no free text. */
    record CaseSummary(long id, String number, String type, String status, java.time.Instant receivedAt) {
    }

    /** A customer's cases, newest first. */
    java.util.List<CaseSummary> ofCustomer(long customerId);
}
