package org.fuwu.queueing.live;

import java.time.Instant;

import org.fuwu.queueing.TicketCalled;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.queueing.internal.QueueingStore;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssueRequest;
import org.fuwu.queueing.internal.TicketService.IssuedTicket;
import org.fuwu.queueing.internal.TicketStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays the counter console in tests: issues tickets and calls them the way the console does (the
 * ticket's status, its stored event and {@link TicketCalled}, in one transaction).
 */
public final class LobbyCalls {

    private final TicketService tickets;
    private final QueueingStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    public LobbyCalls(TicketService tickets, QueueingStore store, JdbcClient jdbc, ApplicationEventPublisher events,
                      PlatformTransactionManager txManager) {
        this.tickets = tickets;
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
    }

    public IssuedTicket issue(String branchCode, String serviceCode) {
        return tickets.issue(branchCode, new IssueRequest(serviceCode, null, null, null, Channel.KIOSK, null));
    }

    /** Calls a ticket to a counter in a committed transaction; returns the TicketCalled published. */
    public TicketCalled call(IssuedTicket t, String counterCode, String counterNumber, int recall) {
        return call(t, counterCode, counterNumber, recall, false);
    }

    /** As {@link #call}, but the transaction rolls back after publishing. */
    public TicketCalled callRolledBack(IssuedTicket t, String counterCode, String counterNumber) {
        return call(t, counterCode, counterNumber, 0, true);
    }

    private TicketCalled call(IssuedTicket t, String counterCode, String counterNumber, int recall, boolean rollback) {
        return tx.execute(s -> {
            Instant now = Instant.now();
            if (recall == 0) {
                store.changeStatus(t.id(), TicketStatus.WAITING, TicketStatus.CALLED, null);
            }
            store.insertEvent(t.id(), recall == 0 ? "CALLED" : "RECALLED", TicketStatus.CALLED, now, "test",
                    "counter=" + counterCode);
            long eventId = jdbc.sql("select max(id) from queue_ticket_event where ticket_id = :t").param("t", t.id())
                    .query(Long.class).single();
            TicketCalled called = new TicketCalled(t.id(), eventId, t.branchCode(), t.serviceCode(), t.number(),
                    counterCode, counterNumber, recall, now);
            events.publishEvent(called);
            if (rollback) {
                s.setRollbackOnly();
            }
            return called;
        });
    }
}
