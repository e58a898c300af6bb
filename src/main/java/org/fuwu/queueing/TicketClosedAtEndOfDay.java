package org.fuwu.queueing;

import java.time.Instant;

/**
 * A ticket still open when its branch's day ended was closed unserved: outcome "not served, branch
 * closed" (status CANCELLED, outcome {@code BRANCH_CLOSED}). Not a customer's cancellation, so
 * statistics can tell the two apart.
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param number the ticket number
 * @param previousStatus the state it was in (AWAITING_CHECK_IN, WAITING, CALLED or PARKED)
 * @param closedAt when the end of day closed it
 */
public record TicketClosedAtEndOfDay(long ticketId, String branchCode, String serviceCode, String number,
                                     String previousStatus, Instant closedAt) implements LobbyEvent {
}
