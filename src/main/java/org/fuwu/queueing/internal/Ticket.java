package org.fuwu.queueing.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket (排队号) as stored. It holds a customer id at most, never an identifier.
 *
 * @param id the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service type
 * @param businessDay the branch's business day it was issued on
 * @param number the ticket number, such as {@code A012}
 * @param status the state
 * @param priorityClass the class it is served in
 * @param customerId the identified customer, or null
 * @param channel where it was taken
 * @param statusToken the unguessable token of its status page
 * @param predicted the wait estimated when it was issued
 * @param issuedAt when it was issued
 */
public record Ticket(long id, String branchCode, String serviceCode, LocalDate businessDay, String number,
                     TicketStatus status, PriorityClass priorityClass, Long customerId, Channel channel,
                     String statusToken, WaitEstimate predicted, Instant issuedAt) {
}
