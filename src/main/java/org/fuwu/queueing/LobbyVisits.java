package org.fuwu.queueing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A customer's lobby tickets, for the other channels' view of the customer (the agent's customer 360). */
public interface LobbyVisits {

    /** One ticket of the customer. */
    record LobbyVisit(Instant issuedAt, LocalDate businessDay, String branchCode, String serviceCode, String number,
                      String status, String outcome) {
    }

    /** The customer's most recent tickets at any branch, newest first. */
    List<LobbyVisit> of(long customerId, int limit);
}
