package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.fuwu.platform.BusinessCalendar;
import org.junit.jupiter.api.Test;

class ReviewPolicyTest {

    static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    static final BusinessCalendar CAL = BusinessCalendar.of("T", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    final ReviewPolicy cn = ReviewPolicy.of("CN").orElseThrow();

    @Test
    void underCnAReviewMayBeAskedUntilTheCloseOfTheThirtiethDayAfterTheDecision() {
        Instant decided = at("2026-03-01T16:00:00");
        assertThat(cn.requestDeadline(decided, CN, CAL)).isEqualTo(at("2026-04-01T00:00:00"));
        assertThat(cn.mayRequest(decided, null, at("2026-03-31T23:59:00"), CN, CAL)).isTrue();
        assertThat(cn.mayRequest(decided, null, at("2026-04-01T00:00:00"), CN, CAL)).isFalse();
        assertThat(cn.mayRequest(decided, null, at("2026-03-01T15:00:00"), CN, CAL)).as("not before the decision").isFalse();
    }

    @Test
    void oneReviewOnlyAndNoneWithoutADecision() {
        Instant decided = at("2026-03-01T16:00:00");
        assertThat(cn.mayRequest(decided, at("2026-03-05T10:00:00"), at("2026-03-06T10:00:00"), CN, CAL)).isFalse();
        assertThat(cn.mayRequest(null, null, at("2026-03-06T10:00:00"), CN, CAL)).isFalse();
    }

    @Test
    void theReviewIsDecidedWithinThirtyDaysOfTheRequestAndItsClockStopsAtTheDecision() {
        Instant asked = at("2026-03-10T09:00:00");
        var running = cn.decisionClock(asked, null, at("2026-03-11T09:00:00"), CN, CAL);
        assertThat(running.dueAt()).isEqualTo(at("2026-04-10T00:00:00"));
        assertThat(running.state()).isEqualTo(CaseClock.State.RUNNING);
        assertThat(running.left()).isEqualTo(Duration.ofDays(29).plusHours(15));
        assertThat(cn.decisionClock(asked, null, at("2026-04-10T08:00:00"), CN, CAL).state()).isEqualTo(CaseClock.State.BREACHED);
        assertThat(cn.decisionClock(asked, at("2026-04-01T10:00:00"), at("2026-05-01T00:00:00"), CN, CAL).state())
                .as("decided in time: stopped").isEqualTo(CaseClock.State.RUNNING);
    }

    @Test
    void ruleSetsWithoutAReviewHaveNone() {
        assertThat(ReviewPolicy.of("US_CFPB")).isEmpty();
        assertThat(ReviewPolicy.of("UK_FCA")).isEmpty();
    }
}
