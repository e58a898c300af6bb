package org.fuwu.queueing.live;

import java.time.Instant;

import org.fuwu.queueing.LobbyEvent;
import org.fuwu.queueing.TicketCalled;
import org.fuwu.queueing.TicketCancelled;
import org.fuwu.queueing.TicketCompleted;
import org.fuwu.queueing.TicketIssued;
import org.fuwu.queueing.TicketNoShow;
import org.fuwu.queueing.TicketServiceStarted;
import org.fuwu.queueing.TicketTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

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
        feed.insert(new BoardEvent(e.eventId(), e.branchCode(), "CALLED", e.ticketId(), e.serviceCode(), e.number(),
                e.counterCode(), e.counterNumber(), e.recall(), e.calledAt()));
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

    /** A feed row for a ticket's newest stored event of that type; none when there is no stored event. */
    private void change(long ticketId, String branchCode, String type, String serviceCode, String number, Instant at) {
        long id = feed.latestTicketEventId(ticketId, type);
        if (id > 0) {
            feed.insert(new BoardEvent(id, branchCode, type, ticketId, serviceCode, number, null, null, 0, at));
        }
    }

    /** After any lobby change commits, the hub pushes the branch's new feed rows. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(LobbyEvent e) {
        hub.wake(e.branchCode());
    }
}
