package org.fuwu.queueing.live;

import java.time.Instant;

/**
 * One row of the board feed, as it is sent to boards (numbers and counters only, no customer data).
 *
 * @param id the id of the stored ticket event; the SSE event id
 * @param branchCode the branch
 * @param type ISSUED, CALLED or CANCELLED
 * @param ticketId the ticket
 * @param serviceCode the service type
 * @param number the ticket number, such as A012
 * @param counterCode the counter's code for a call, otherwise null
 * @param counterNumber the number customers see on the counter for a call, otherwise null
 * @param recall 0 for a first call, 1.. for each recall
 * @param occurredAt when it happened
 */
record BoardEvent(long id, String branchCode, String type, long ticketId, String serviceCode, String number,
                  String counterCode, String counterNumber, int recall, Instant occurredAt) {

    /** The SSE event name: ticket-issued, ticket-called, ticket-cancelled, ticket-transferred, ticket-no-show, ticket-started, ticket-completed. */
    String eventName() {
        return "ticket-" + type.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
