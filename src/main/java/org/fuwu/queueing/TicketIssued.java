package org.fuwu.queueing;

import java.time.Instant;

/**
 * A ticket was issued: published after the ticket and its first event are stored, in the same
 * transaction. It names no customer.
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param number the ticket number, such as {@code A012}
 * @param priorityClass ORDINARY, VIP or PREFERENTIAL
 * @param channel the channel it was taken from, such as KIOSK
 * @param issuedAt when it was issued
 */
public record TicketIssued(long ticketId, String branchCode, String serviceCode, String number, String priorityClass,
                           String channel, Instant issuedAt) implements LobbyEvent {
}
