package org.fuwu.queueing;

import java.time.Instant;

/**
 * A remote ticket's holder checked in on arrival: the ticket now waits to be called (branches that
 * require check-in on arrival for remote tickets).
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param number the ticket number
 * @param at when the holder checked in
 */
public record TicketCheckedIn(long ticketId, String branchCode, String serviceCode, String number, Instant at)
        implements LobbyEvent {
}
