package org.fuwu.queueing;

import java.time.Instant;

/**
 * A ticket was called to a counter, or called again (a recall): published in the transaction that
 * records the call. The display board shows and speaks it; it names no customer.
 *
 * @param ticketId the ticket's id
 * @param eventId the id of the stored ticket event of this call (increasing; boards catch up from it)
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param number the ticket number, such as {@code A012}
 * @param counterCode the counter's code, such as {@code C03}
 * @param counterNumber the number customers see on the counter, such as {@code 3}
 * @param recall 0 for the first call, 1.. for each recall
 * @param calledAt when it was called
 */
public record TicketCalled(long ticketId, long eventId, String branchCode, String serviceCode, String number,
                           String counterCode, String counterNumber, int recall, Instant calledAt) implements LobbyEvent {
}
