package org.fuwu.queueing.live;

import org.fuwu.queueing.TicketCalled;
import org.fuwu.queueing.TicketCancelled;
import org.fuwu.queueing.TicketIssued;
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
        long id = feed.latestTicketEventId(e.ticketId(), "ISSUED");
        if (id > 0) {
            feed.insert(new BoardEvent(id, e.branchCode(), "ISSUED", e.ticketId(), e.serviceCode(), e.number(), null,
                    null, 0, e.issuedAt()));
        }
    }

    @EventListener
    void record(TicketCalled e) {
        feed.insert(new BoardEvent(e.eventId(), e.branchCode(), "CALLED", e.ticketId(), e.serviceCode(), e.number(),
                e.counterCode(), e.counterNumber(), e.recall(), e.calledAt()));
    }

    @EventListener
    void record(TicketCancelled e) {
        long id = feed.latestTicketEventId(e.ticketId(), "CANCELLED");
        if (id > 0) {
            feed.insert(new BoardEvent(id, e.branchCode(), "CANCELLED", e.ticketId(), e.serviceCode(), e.number(),
                    null, null, 0, e.cancelledAt()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void issued(TicketIssued e) {
        hub.wake(e.branchCode());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void called(TicketCalled e) {
        hub.wake(e.branchCode());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void cancelled(TicketCancelled e) {
        hub.wake(e.branchCode());
    }
}
