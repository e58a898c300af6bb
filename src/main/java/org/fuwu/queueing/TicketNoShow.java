package org.fuwu.queueing;

import java.time.Instant;

/**
 * A called ticket's holder did not come to the counter (after the recalls allowed).
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param number the ticket number
 * @param counterCode the counter it was called to
 * @param at when it was marked
 */
public record TicketNoShow(long ticketId, String branchCode, String serviceCode, String number, String counterCode,
                           Instant at) implements LobbyEvent {
}
