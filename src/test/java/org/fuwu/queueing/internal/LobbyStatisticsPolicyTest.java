package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fuwu.queueing.internal.LobbyStatistics.Dimension;
import org.fuwu.queueing.internal.LobbyStatistics.Granularity;
import org.fuwu.queueing.internal.LobbyStatistics.Row;
import org.fuwu.queueing.internal.LobbyStatistics.TicketFacts;
import org.junit.jupiter.api.Test;

/** The statistics policy: definitions, grouping by the branch's hours and days, quantiles, accuracy. */
class LobbyStatisticsPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-24 09:00 in Shanghai. */
    private static final Instant NINE = Instant.parse("2026-11-24T01:00:00Z");
    private static final Map<String, Integer> TARGETS = Map.of("A", 600, "B", 900);

    private static TicketFacts called(String service, String counter, String teller, TicketStatus status, Instant issued,
                                      long waitSeconds, Long serviceSeconds, long p50, long p90) {
        Instant calledAt = issued.plusSeconds(waitSeconds);
        Instant started = serviceSeconds == null ? null : calledAt.plusSeconds(30);
        Instant closed = serviceSeconds == null ? (status.isOpen() ? null : calledAt.plusSeconds(60))
                : started.plusSeconds(serviceSeconds);
        return new TicketFacts("B001", service, counter, teller, status, issued, calledAt, started, closed, p50, p90);
    }

    private static TicketFacts uncalled(String service, TicketStatus status, Instant issued) {
        return new TicketFacts("B001", service, null, null, status, issued, null, null,
                status.isOpen() ? null : issued.plusSeconds(100), 60, 90);
    }

    @Test
    void nearestRankQuantiles() {
        long[] values = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertThat(LobbyStatistics.quantile(values, 0.5)).isEqualTo(50);
        assertThat(LobbyStatistics.quantile(values, 0.9)).isEqualTo(90);
        assertThat(LobbyStatistics.quantile(values, 1.0)).isEqualTo(100);
        assertThat(LobbyStatistics.quantile(new long[] {7}, 0.9)).isEqualTo(7);
        assertThat(LobbyStatistics.quantile(new long[] {1, 2, 3}, 0.5)).isEqualTo(2);
        assertThatThrownBy(() -> LobbyStatistics.quantile(new long[0], 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LobbyStatistics.quantile(values, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDayOfOneServiceCountsArrivalsWaitsServiceTimesTargetsNoShowsAndCancellations() {
        List<TicketFacts> tickets = List.of(
                called("A", "C01", "teller1", TicketStatus.COMPLETED, NINE, 120, 300L, 100, 200),
                called("A", "C02", "teller2", TicketStatus.COMPLETED, NINE.plusSeconds(60), 480, 200L, 300, 400),
                called("A", "C01", "teller1", TicketStatus.NO_SHOW, NINE.plusSeconds(120), 900, null, 500, 800),
                uncalled("A", TicketStatus.CANCELLED, NINE.plusSeconds(180)),
                uncalled("A", TicketStatus.WAITING, NINE.plusSeconds(240)));
        List<Row> rows = LobbyStatistics.compute(tickets, Granularity.DAY, Dimension.SERVICE, SHANGHAI, TARGETS);
        assertThat(rows).hasSize(1);
        Row a = rows.get(0);
        assertThat(a.day()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(a.hour()).isNull();
        assertThat(a.key()).isEqualTo("A");
        assertThat(a.arrivals()).isEqualTo(5);
        assertThat(a.called()).isEqualTo(3);
        assertThat(a.waitMeanSeconds()).isEqualTo(500); // (120 + 480 + 900) / 3
        assertThat(a.waitMedianSeconds()).isEqualTo(480);
        assertThat(a.waitP90Seconds()).isEqualTo(900);
        assertThat(a.served()).isEqualTo(2);
        assertThat(a.serviceMeanSeconds()).isEqualTo(250);
        assertThat(a.serviceMedianSeconds()).isEqualTo(200);
        assertThat(a.withinTargetRate()).isCloseTo(2.0 / 3, within(1e-9)); // 900 s is over A's 600 s
        assertThat(a.noShows()).isEqualTo(1);
        assertThat(a.noShowRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(a.cancellations()).isEqualTo(1);
        // errors from P50: 20, 180, 400 -> MAE 200; over P90: 480 > 400 and 900 > 800 -> 2 of 3
        assertThat(a.accuracyCount()).isEqualTo(3);
        assertThat(a.meanAbsoluteErrorSeconds()).isEqualTo(200);
        assertThat(a.underPredictionRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(a.overP50Rate()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void periodsAreTheBranchsHoursAndDaysAndRowsAreOrdered() {
        Instant lateEvening = Instant.parse("2026-11-24T15:30:00Z"); // 23:30 in Shanghai
        Instant afterMidnight = Instant.parse("2026-11-24T16:10:00Z"); // 00:10 on the 25th in Shanghai
        List<TicketFacts> tickets = List.of(
                called("B", "C02", "t", TicketStatus.COMPLETED, afterMidnight, 60, 60L, 60, 90),
                called("A", "C01", "t", TicketStatus.COMPLETED, lateEvening, 60, 60L, 60, 90),
                called("A", "C01", "t", TicketStatus.COMPLETED, NINE, 60, 60L, 60, 90));
        List<Row> hours = LobbyStatistics.compute(tickets, Granularity.HOUR, Dimension.SERVICE, SHANGHAI, TARGETS);
        assertThat(hours).extracting(Row::day, Row::hour, Row::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 24), 9, "A"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 24), 23, "A"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 25), 0, "B"));
        List<Row> days = LobbyStatistics.compute(tickets, Granularity.DAY, Dimension.BRANCH, SHANGHAI, TARGETS);
        assertThat(days).extracting(Row::day, Row::key, Row::arrivals).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 24), "B001", 2L),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 25), "B001", 1L));
        List<Row> utcDays = LobbyStatistics.compute(tickets, Granularity.DAY, Dimension.BRANCH, ZoneId.of("UTC"), TARGETS);
        assertThat(utcDays).extracting(Row::arrivals).containsExactly(3L);
        List<Row> totals = LobbyStatistics.compute(tickets, null, Dimension.SERVICE, SHANGHAI, TARGETS);
        assertThat(totals).extracting(Row::day, Row::key, Row::arrivals).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, "A", 2L), org.assertj.core.groups.Tuple.tuple(null, "B", 1L));
    }

    @Test
    void byCounterAndTellerTicketsNeverCalledAreUnderNone() {
        List<TicketFacts> tickets = List.of(
                called("A", "C01", "teller1", TicketStatus.COMPLETED, NINE, 60, 100L, 60, 90),
                called("A", "C02", "teller2", TicketStatus.COMPLETED, NINE, 60, 100L, 60, 90),
                called("B", "C02", "teller2", TicketStatus.SERVING, NINE, 60, null, 60, 90),
                uncalled("A", TicketStatus.CANCELLED, NINE));
        assertThat(LobbyStatistics.compute(tickets, Granularity.DAY, Dimension.COUNTER, SHANGHAI, TARGETS))
                .extracting(Row::key, Row::arrivals, Row::served, Row::cancellations).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("-", 1L, 0L, 1L),
                        org.assertj.core.groups.Tuple.tuple("C01", 1L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("C02", 2L, 1L, 0L));
        assertThat(LobbyStatistics.compute(tickets, Granularity.DAY, Dimension.TELLER, SHANGHAI, TARGETS))
                .extracting(Row::key).containsExactly("-", "teller1", "teller2");
    }

    @Test
    void withoutCallsRatesAndWaitFiguresAreAbsentNotZero() {
        Row r = LobbyStatistics.compute(List.of(uncalled("A", TicketStatus.WAITING, NINE)), Granularity.DAY,
                Dimension.SERVICE, SHANGHAI, TARGETS).get(0);
        assertThat(r.arrivals()).isEqualTo(1);
        assertThat(r.called()).isZero();
        assertThat(r.waitMeanSeconds()).isNull();
        assertThat(r.waitP90Seconds()).isNull();
        assertThat(r.withinTargetRate()).isNull();
        assertThat(r.noShowRate()).isNull();
        assertThat(r.meanAbsoluteErrorSeconds()).isNull();
        assertThat(r.underPredictionRate()).isNull();
        assertThat(r.serviceMeanSeconds()).isNull();
    }

    @Test
    void aWalkInServedAtTheCounterHasAServiceTimeButNoWait() {
        Instant issued = NINE;
        TicketFacts walkIn = new TicketFacts("B001", "A", "C01", "teller1", TicketStatus.COMPLETED, issued, null,
                issued, issued.plusSeconds(240), 300, 450);
        Row r = LobbyStatistics.compute(List.of(walkIn), Granularity.DAY, Dimension.SERVICE, SHANGHAI, TARGETS).get(0);
        assertThat(r.served()).isEqualTo(1);
        assertThat(r.serviceMeanSeconds()).isEqualTo(240);
        assertThat(r.called()).isZero();
        assertThat(r.accuracyCount()).isZero();
    }

    @Test
    void aWaitExactlyAtTheTargetIsWithinIt() {
        Row r = LobbyStatistics.compute(List.of(called("A", "C01", "t", TicketStatus.COMPLETED, NINE, 600, 60L, 0, 0)),
                Granularity.DAY, Dimension.SERVICE, SHANGHAI, TARGETS).get(0);
        assertThat(r.withinTargetRate()).isEqualTo(1.0);
    }

    // ---- service time samples

    @Test
    void samplesPreferTheSameHourThenAllHoursThenNone() {
        List<ServiceTimeSamples.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // A: five at 09:xx Shanghai, two at 14:xx
            samples.add(new ServiceTimeSamples.Sample("A", NINE.plusSeconds(60L * i), Duration.ofSeconds(100 + i)));
        }
        samples.add(new ServiceTimeSamples.Sample("A", NINE.plus(Duration.ofHours(5)), Duration.ofSeconds(999)));
        samples.add(new ServiceTimeSamples.Sample("A", NINE.plus(Duration.ofHours(5)), Duration.ofSeconds(998)));
        for (int i = 0; i < 3; i++) { // B: only three in all
            samples.add(new ServiceTimeSamples.Sample("B", NINE, Duration.ofSeconds(50)));
        }
        samples.add(new ServiceTimeSamples.Sample("C", NINE, Duration.ZERO)); // ignored
        ServiceTimeSamples s = new ServiceTimeSamples(samples, SHANGHAI);
        assertThat(s.at(9).get("A")).hasSize(5).allMatch(d -> d.getSeconds() < 200);
        assertThat(s.at(14).get("A")).hasSize(7); // two at 14:00 are too few: all hours
        assertThat(s.at(9)).doesNotContainKey("B").doesNotContainKey("C");
    }

    @Test
    void samplesKeepTheNewest() {
        List<ServiceTimeSamples.Sample> samples = new ArrayList<>();
        for (int i = 0; i < ServiceTimeSamples.MAX_SAMPLES + 50; i++) {
            samples.add(new ServiceTimeSamples.Sample("A", NINE.plusSeconds(i), Duration.ofSeconds(i < 50 ? 1 : 100)));
        }
        assertThat(new ServiceTimeSamples(samples, SHANGHAI).at(9).get("A"))
                .hasSize(ServiceTimeSamples.MAX_SAMPLES).allMatch(d -> d.getSeconds() == 100);
    }

    // ---- appointments ahead

    @Test
    void appointmentsDueBeforeTheTurnCountAheadUntilTheCountSettles() {
        Instant now = NINE;
        // each person ahead takes 5 minutes
        java.util.function.IntFunction<WaitEstimate> fiveMinutesEach = n -> new WaitEstimate(300L * n, 450L * n);
        List<Instant> booked = List.of(now.plusSeconds(240), now.plusSeconds(540), now.plusSeconds(3000));
        AppointmentsAhead.Result r = AppointmentsAhead.estimate(1, booked, now, fiveMinutesEach);
        // 1 ahead: turn at +300 -> one appointment (240) due; 2 ahead: +600 -> two due (540); 3 ahead: +900 -> still two
        assertThat(r.appointmentsAhead()).isEqualTo(2);
        assertThat(r.estimate()).isEqualTo(new WaitEstimate(900, 1350));
    }

    @Test
    void withoutAppointmentsOrWithOnlyLaterOnesTheEstimateIsUnchanged() {
        java.util.function.IntFunction<WaitEstimate> est = n -> new WaitEstimate(300L * n, 450L * n);
        assertThat(AppointmentsAhead.estimate(2, List.of(), NINE, est))
                .isEqualTo(new AppointmentsAhead.Result(new WaitEstimate(600, 900), 0));
        assertThat(AppointmentsAhead.estimate(2, List.of(NINE.plusSeconds(3600)), NINE, est).appointmentsAhead()).isZero();
        // a late appointment (booked before now, not yet checked in) is ahead too
        assertThat(AppointmentsAhead.estimate(0, List.of(NINE.minusSeconds(300)), NINE,
                n -> n == 0 ? new WaitEstimate(0, 0) : new WaitEstimate(300L * n, 450L * n)).appointmentsAhead())
                .isEqualTo(1);
    }
}
