package org.fuwu.queueing;

import java.time.Instant;

/**
 * A ticket was served to the end. It names no customer; the times give wait and service time.
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type it was served in
 * @param number the ticket number
 * @param counterCode the counter
 * @param teller the teller's username
 * @param outcome DONE, FOLLOW_UP or REFERRED
 * @param issuedAt when it was issued (its original arrival)
 * @param calledAt when it was called to this counter
 * @param startedAt when service started
 * @param completedAt when service ended
 */
public record TicketCompleted(long ticketId, String branchCode, String serviceCode, String number, String counterCode,
                              String teller, String outcome, Instant issuedAt, Instant calledAt, Instant startedAt,
                              Instant completedAt) implements LobbyEvent {
}
