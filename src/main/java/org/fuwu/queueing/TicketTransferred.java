package org.fuwu.queueing;

import java.time.Instant;

/**
 * A ticket was transferred to another service or counter; it waits again, keeping its number and arrival.
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param fromServiceCode the service it was called in
 * @param toServiceCode the service it waits in now
 * @param toCounterCode the counter it waits for, or null for any counter of the service
 * @param number the ticket number
 * @param position FRONT or BACK of the new queue
 * @param at when it was transferred
 */
public record TicketTransferred(long ticketId, String branchCode, String fromServiceCode, String toServiceCode,
                                String toCounterCode, String number, String position, Instant at) implements LobbyEvent {
}
