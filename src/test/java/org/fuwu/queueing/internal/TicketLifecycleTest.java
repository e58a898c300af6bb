package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fuwu.queueing.internal.TicketLifecycle.Action;
import org.fuwu.queueing.internal.TicketLifecycle.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketLifecycleTest {

    private final TicketLifecycle lifecycle = new TicketLifecycle(2);

    @Test
    void aTicketGoesFromWaitingThroughCalledAndServingToCompleted() {
        TicketStatus s = lifecycle.next(TicketStatus.WAITING, Action.CALL, 0);
        assertThat(s).isEqualTo(TicketStatus.CALLED);
        s = lifecycle.next(s, Action.START, 0);
        assertThat(s).isEqualTo(TicketStatus.SERVING);
        assertThat(lifecycle.next(s, Action.COMPLETE, 0)).isEqualTo(TicketStatus.COMPLETED);
    }

    @Test
    void recallIsAllowedUpToTheLimitThenOnlyNoShow() {
        assertThat(lifecycle.next(TicketStatus.CALLED, Action.RECALL, 0)).isEqualTo(TicketStatus.CALLED);
        assertThat(lifecycle.next(TicketStatus.CALLED, Action.RECALL, 1)).isEqualTo(TicketStatus.CALLED);
        assertThatThrownBy(() -> lifecycle.next(TicketStatus.CALLED, Action.RECALL, 2))
                .isInstanceOf(IllegalTransition.class)
                .extracting(e -> ((IllegalTransition) e).messageKey()).isEqualTo("queueing.conflict.recallLimit");
        assertThat(lifecycle.next(TicketStatus.CALLED, Action.NO_SHOW, 2)).isEqualTo(TicketStatus.NO_SHOW);
    }

    @Test
    void aTransferPutsTheTicketBackToWaiting() {
        assertThat(lifecycle.next(TicketStatus.SERVING, Action.TRANSFER, 0)).isEqualTo(TicketStatus.WAITING);
        assertThat(lifecycle.next(TicketStatus.CALLED, Action.TRANSFER, 0)).isEqualTo(TicketStatus.WAITING);
    }

    @Test
    void aLobbyManagerMayReassignAWaitingTicketAndItKeepsWaiting() {
        assertThat(lifecycle.next(TicketStatus.WAITING, Action.TRANSFER, 0)).isEqualTo(TicketStatus.WAITING);
        assertThatThrownBy(() -> lifecycle.next(TicketStatus.PARKED, Action.TRANSFER, 0)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> lifecycle.next(TicketStatus.AWAITING_CHECK_IN, Action.TRANSFER, 0))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void parkAndReturnCallTheCustomerBack() {
        TicketStatus parked = lifecycle.next(TicketStatus.SERVING, Action.PARK, 0);
        assertThat(parked).isEqualTo(TicketStatus.PARKED);
        assertThat(lifecycle.next(parked, Action.RETURN, 0)).isEqualTo(TicketStatus.CALLED);
    }

    @Test
    void aWaitingTicketCannotBeStartedCompletedOrMarkedNoShow() {
        for (Action a : new Action[] {Action.START, Action.COMPLETE, Action.NO_SHOW, Action.RECALL, Action.PARK,
                Action.RETURN}) {
            assertThatThrownBy(() -> lifecycle.next(TicketStatus.WAITING, a, 0)).isInstanceOf(IllegalTransition.class);
        }
    }

    @Test
    void servingCannotBeCancelledOrCalledAgain() {
        assertThatThrownBy(() -> lifecycle.next(TicketStatus.SERVING, Action.CANCEL, 0)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> lifecycle.next(TicketStatus.SERVING, Action.CALL, 0)).isInstanceOf(IllegalTransition.class);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"COMPLETED", "NO_SHOW", "CANCELLED"})
    void closedTicketsAllowNoAction(TicketStatus closed) {
        for (Action a : Action.values()) {
            assertThat(lifecycle.allows(closed, a)).as(a + " from " + closed).isFalse();
        }
    }

    @Test
    void negativeRecallLimitIsRejected() {
        assertThatThrownBy(() -> new TicketLifecycle(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
