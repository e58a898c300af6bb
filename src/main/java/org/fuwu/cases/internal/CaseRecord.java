package org.fuwu.cases.internal;

import java.time.Instant;

/** A case as stored; the summary, decision and extension reason encrypted. */
public record CaseRecord(long id, String number, String type, String status, Long customerId, String channel,
                         String summaryEnc, Instant receivedAt, String ruleSet, String complexity, String severity,
                         Long officerId, String createdBy, Long sourceConversationId, Instant acknowledgedAt,
                         Instant decidedAt, String decisionEnc, Instant closedAt, String extensionRequestedBy,
                         String extensionReasonEnc, String extensionApprovedBy, Instant createdAt, int version) {

    /** When the step that stops a clock happened, or null. */
    public Instant stopped(String step) {
        return switch (step) {
            case "ACKNOWLEDGED" -> acknowledgedAt;
            case "DECIDED" -> decidedAt;
            default -> closedAt;
        };
    }
}
