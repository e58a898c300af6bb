package org.fuwu.queueing.live;

import java.time.Instant;

import org.fuwu.queueing.LobbyEvent;
import org.fuwu.queueing.TicketCalled;
import org.fuwu.queueing.TicketCancelled;
import org.fuwu.queueing.TicketCheckedIn;
import org.fuwu.queueing.TicketClosedAtEndOfDay;
import org.fuwu.queueing.TicketCompleted;
import org.fuwu.queueing.TicketIssued;
import org.fuwu.queueing.TicketNoShow;
import org.fuwu.queueing.TicketPriorityChanged;
import org.fuwu.queueing.TicketServiceStarted;
import org.fuwu.queueing.TicketTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feeds the boards from the lobby's events. Each event is written to the feed table at once, in the
 * transaction that publishes it (so a rolled-back change leaves no row); after that transaction
 * commits, the hub is woken to push it. Nothing is pushed for a rolled-back change. A feed row is
 * keyed by the stored ticket event's id (TicketCalled names it; for an issue or a cancellation it is
 * the ticket's newest event of that type); an event without a stored ticket event gets no row.
 */
@Component
class BoardFeedRecorder {

    private final BoardFeed feed;
    private final LiveHub hub;

    BoardFeedRecorder(BoardFeed feed, LiveHub hub) {
        this.feed = feed;
        this.hub = hub;
    }

    @EventListener
    void record(TicketIssued e) {
        change(e.ticketId(), e.branchCode(), "ISSUED", e.serviceCode(), e.number(), e.issuedAt());
    }

    @EventListener
    void record(TicketCalled e) {
        BoardEvent row = new BoardEvent(e.eventId(), e.branchCode(), "CALLED", e.ticketId(), e.serviceCode(), e.number(),
                e.counterCode(), e.counterNumber(), e.recall(), e.calledAt());
        feed.insert(row);
        wakeAfterCommit(e.branchCode(), row);
    }

    @EventListener
    void record(TicketCancelled e) {
        change(e.ticketId(), e.branchCode(), "CANCELLED", e.serviceCode(), e.number(), e.cancelledAt());
    }

    /** A counter's other changes move the queue too: the boards refresh their waiting counts, a ticket its position. */
    @EventListener
    void record(TicketTransferred e) {
        change(e.ticketId(), e.branchCode(), "TRANSFERRED", e.toServiceCode(), e.number(), e.at());
    }

    @EventListener
    void record(TicketNoShow e) {
        change(e.ticketId(), e.branchCode(), "NO_SHOW", e.serviceCode(), e.number(), e.at());
    }

    @EventListener
    void record(TicketServiceStarted e) {
        change(e.ticketId(), e.branchCode(), "STARTED", e.serviceCode(), e.number(), e.startedAt());
    }

    @EventListener
    void record(TicketCompleted e) {
        change(e.ticketId(), e.branchCode(), "COMPLETED", e.serviceCode(), e.number(), e.completedAt());
    }

    @EventListener
    void record(TicketCheckedIn e) {
        change(e.ticketId(), e.branchCode(), "CHECKED_IN", e.serviceCode(), e.number(), e.at());
    }

    /** A changed priority moves the queue's order: ticket pages refresh their position. */
    @EventListener
    void record(TicketPriorityChanged e) {
        change(e.ticketId(), e.branchCode(), "PRIORITY_CHANGED", e.serviceCode(), e.number(), e.at());
    }

    @EventListener
    void record(TicketClosedAtEndOfDay e) {
        change(e.ticketId(), e.branchCode(), "CLOSED_EOD", e.serviceCode(), e.number(), e.closedAt());
    }

    /** A feed row for a ticket's newest stored event of that type; none when there is no stored event. */
    private void change(long ticketId, String branchCode, String type, String serviceCode, String number, Instant at) {
        long id = feed.latestTicketEventId(ticketId, type);
        BoardEvent row = null;
        if (id > 0) {
            row = new BoardEvent(id, branchCode, type, ticketId, serviceCode, number, null, null, 0, at);
            feed.insert(row);
        }
        wakeAfterCommit(branchCode, row);
    }

    /**
     * After the change commits, the hub pushes the branch's new feed rows. A plain transaction
     * synchronization, not a {@code @TransactionalEventListener}: Spring Modulith tracks those in its
     * event publication registry and marks each one completed after the commit on a second pooled
     * connection while the first is still held, which starves the pool (a deadlock until the pool's
     * 30 s timeout) as soon as more requests commit at once than the pool has connections. The hub is
     * handed the committed row itself and sends it from memory, also when it commits after a higher id
     * was sent.
     */
    private void wakeAfterCommit(String branchCode, BoardEvent row) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hub.wake(branchCode, row);
                }
            });
        } else {
            hub.wake(branchCode, row);
        }
    }
}
