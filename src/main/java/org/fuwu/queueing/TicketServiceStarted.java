package org.fuwu.queueing;

import java.time.Instant;

/**
 * A teller started serving a ticket (or served a walk-in directly). It names no customer.
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param number the ticket number
 * @param counterCode the counter
 * @param teller the teller's username
 * @param startedAt when service started
 */
public record TicketServiceStarted(long ticketId, String branchCode, String serviceCode, String number,
                                   String counterCode, String teller, Instant startedAt) implements LobbyEvent {
}
