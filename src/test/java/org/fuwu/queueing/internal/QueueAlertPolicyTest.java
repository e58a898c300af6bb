package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.fuwu.queueing.internal.QueueAlertPolicy.Assessment;
import org.fuwu.queueing.internal.QueueAlertPolicy.Candidate;
import org.fuwu.queueing.internal.QueueAlertPolicy.Level;
import org.fuwu.queueing.internal.QueueAlertPolicy.Waiter;
import org.junit.jupiter.api.Test;

class QueueAlertPolicyTest {

    private static final long TARGET = 15 * 60;

    private static WaitEstimate est(long p50Minutes, long p90Minutes) {
        return new WaitEstimate(p50Minutes * 60, p90Minutes * 60);
    }

    @Test
    void aShortQueueIsWithinTarget() {
        Assessment a = QueueAlertPolicy.assess(TARGET, List.of(new Waiter(120, est(2, 4))), est(5, 9));
        assertThat(a.level()).isEqualTo(Level.OK);
        assertThat(a.alerts()).isFalse();
        assertThat(a.longestWaitSeconds()).isEqualTo(120);
    }

    @Test
    void anEmptyQueueIsJudgedByANewArrivalsEstimate() {
        assertThat(QueueAlertPolicy.assess(TARGET, List.of(), est(0, 0)).level()).isEqualTo(Level.OK);
        assertThat(QueueAlertPolicy.assess(TARGET, List.of(), est(16, 25)).level()).isEqualTo(Level.PREDICTED);
    }

    @Test
    void aP90BeyondTheTargetIsOnlyWatched() {
        Assessment a = QueueAlertPolicy.assess(TARGET, List.of(new Waiter(60, est(3, 8))), est(10, 20));
        assertThat(a.level()).isEqualTo(Level.WATCH);
        assertThat(a.alerts()).isFalse();
        assertThat(a.projectedP90Seconds()).isEqualTo(20 * 60);
    }

    @Test
    void theAlertComesBeforeAnyoneHasWaitedTooLong() {
        // waited 10 min, 6 more expected: 16 > 15, though nobody is over the target yet
        Assessment a = QueueAlertPolicy.assess(TARGET,
                List.of(new Waiter(10 * 60, est(6, 9)), new Waiter(60, est(8, 12))), est(9, 14));
        assertThat(a.level()).isEqualTo(Level.PREDICTED);
        assertThat(a.alerts()).isTrue();
        assertThat(a.longestWaitSeconds()).isLessThan(TARGET);
        assertThat(a.projectedP50Seconds()).isEqualTo(16 * 60);
    }

    @Test
    void someoneOverTheTargetIsABreach() {
        Assessment a = QueueAlertPolicy.assess(TARGET, List.of(new Waiter(TARGET + 1, est(0, 1))), est(1, 2));
        assertThat(a.level()).isEqualTo(Level.BREACHED);
        // exactly at the target is not over it
        assertThat(QueueAlertPolicy.assess(TARGET, List.of(new Waiter(TARGET, est(0, 0))), est(0, 0)).level())
                .isEqualTo(Level.OK);
    }

    @Test
    void aTargetMustBePositive() {
        assertThatThrownBy(() -> QueueAlertPolicy.assess(0, List.of(), est(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCounterToOpenIsAClosedOneWithTheBestPreferenceThenTheFewestServices() {
        List<Candidate> candidates = List.of(
                new Candidate("C01", true, 1, 1),      // open already
                new Candidate("C04", false, 2, 1),     // the service is its second choice
                new Candidate("C05", false, 1, 3),     // first choice, but serves three services
                new Candidate("C03", false, 1, 2));    // first choice, two services
        assertThat(QueueAlertPolicy.counterToOpen(candidates, Set.of())).map(Candidate::counterCode).contains("C03");
        assertThat(QueueAlertPolicy.counterToOpen(candidates, Set.of("C03"))).map(Candidate::counterCode).contains("C05");
        assertThat(QueueAlertPolicy.counterToOpen(List.of(new Candidate("C01", true, 1, 1)), Set.of())).isEmpty();
    }

    @Test
    void tiesAreBrokenByCounterCode() {
        List<Candidate> candidates = List.of(new Candidate("C09", false, 1, 1), new Candidate("C02", false, 1, 1));
        assertThat(QueueAlertPolicy.counterToOpen(candidates, Set.of())).map(Candidate::counterCode).contains("C02");
    }
}
