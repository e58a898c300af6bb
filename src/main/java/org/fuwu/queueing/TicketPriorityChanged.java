package org.fuwu.queueing;

import java.time.Instant;

/**
 * A lobby manager changed a waiting ticket's priority class, with a reason (audited).
 *
 * @param ticketId the ticket's id
 * @param branchCode the branch
 * @param serviceCode the service it waits for
 * @param number the ticket number
 * @param fromClass the class before: ORDINARY, VIP, PREFERENTIAL or APPOINTMENT
 * @param toClass the class now
 * @param reason the reason code, such as PREGNANT
 * @param at when it was changed
 */
public record TicketPriorityChanged(long ticketId, String branchCode, String serviceCode, String number,
                                    String fromClass, String toClass, String reason, Instant at) implements LobbyEvent {
}
