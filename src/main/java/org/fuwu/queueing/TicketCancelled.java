package org.fuwu.queueing;

import java.time.Instant;

/**
 * A waiting ticket was cancelled (by its holder through the status token).
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param number the ticket number
 * @param cancelledAt when it was cancelled
 */
public record TicketCancelled(long ticketId, String branchCode, String serviceCode, String number, Instant cancelledAt) implements LobbyEvent {
}
