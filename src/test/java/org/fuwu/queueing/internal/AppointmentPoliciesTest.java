package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.fuwu.organization.OpeningHours;
import org.fuwu.queueing.internal.AppointmentLateness.Verdict;
import org.fuwu.queueing.internal.AppointmentSlots.Slot;
import org.junit.jupiter.api.Test;

/** The plain policies of appointments, remote queueing and opening hours. */
class AppointmentPoliciesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

    private static Instant at(LocalDate d, int h, int m) {
        return d.atTime(h, m).atZone(SHANGHAI).toInstant();
    }

    private static OpeningHours nineToFive(LocalDate d) {
        return new OpeningHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    // ---- lateness

    private final AppointmentLateness lateness = new AppointmentLateness(Duration.ofHours(2), Duration.ofMinutes(10));
    private final Instant slot = at(WEDNESDAY, 10, 0);
    private final Duration fifteen = Duration.ofMinutes(15);

    @Test
    void aCheckInMoreThanTheEarliestBeforeTheSlotIsTooEarly() {
        assertThat(lateness.judge(slot, fifteen, at(WEDNESDAY, 7, 59))).isEqualTo(Verdict.TOO_EARLY);
        assertThat(lateness.judge(slot, fifteen, at(WEDNESDAY, 8, 0))).isEqualTo(Verdict.ON_TIME);
    }

    @Test
    void earlyOrUpToTheGraceLateKeepsTheBookedTime() {
        assertThat(lateness.judge(slot, fifteen, at(WEDNESDAY, 9, 30))).isEqualTo(Verdict.ON_TIME);
        assertThat(lateness.judge(slot, fifteen, slot)).isEqualTo(Verdict.ON_TIME);
        assertThat(lateness.judge(slot, fifteen, at(WEDNESDAY, 10, 10))).isEqualTo(Verdict.ON_TIME);
    }

    @Test
    void laterThanTheGraceIsAWalkInUntilTheSlotEndPlusGraceThenMissed() {
        assertThat(lateness.judge(slot, fifteen, at(WEDNESDAY, 10, 10).plusSeconds(1))).isEqualTo(Verdict.LATE);
        assertThat(lateness.judge(slot, fifteen, at(WEDNESDAY, 10, 25))).isEqualTo(Verdict.LATE);
        assertThat(lateness.judge(slot, fifteen, at(WEDNESDAY, 10, 25).plusSeconds(1))).isEqualTo(Verdict.MISSED);
        assertThat(lateness.missedAfter(slot, fifteen)).isEqualTo(at(WEDNESDAY, 10, 25));
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> new AppointmentLateness(Duration.ofMinutes(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- slots

    @Test
    void slotsFillTheOpeningHoursAndEndByClosingTime() {
        List<Slot> slots = AppointmentSlots.slots(new OpeningHours(WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(10, 40)),
                SHANGHAI, 15, 2, 14, Map.of(), at(WEDNESDAY.minusDays(1), 12, 0));
        assertThat(slots).extracting(Slot::time).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 15),
                LocalTime.of(9, 30), LocalTime.of(9, 45), LocalTime.of(10, 0), LocalTime.of(10, 15));
        assertThat(slots).allMatch(s -> s.remaining() == 2);
    }

    @Test
    void bookingsTakeCapacityAndAFullSlotIsNotBookable() {
        Instant nine = at(WEDNESDAY, 9, 0);
        Instant quarterPast = at(WEDNESDAY, 9, 15);
        List<Slot> slots = AppointmentSlots.slots(nineToFive(WEDNESDAY), SHANGHAI, 15, 2, 14,
                Map.of(nine, 2, quarterPast, 1), at(WEDNESDAY.minusDays(1), 12, 0));
        assertThat(slots.get(0).remaining()).isZero();
        assertThat(slots.get(1).remaining()).isEqualTo(1);
        assertThat(AppointmentSlots.bookable(slots, nine)).isFalse();
        assertThat(AppointmentSlots.bookable(slots, quarterPast)).isTrue();
        assertThat(AppointmentSlots.bookable(slots, at(WEDNESDAY, 9, 7))).as("not a slot start").isFalse();
    }

    @Test
    void noSlotInThePastNorOnAClosedDayNorTooFarAheadNorWithoutCapacity() {
        List<Slot> today = AppointmentSlots.slots(nineToFive(WEDNESDAY), SHANGHAI, 30, 1, 14, Map.of(),
                at(WEDNESDAY, 16, 0));
        assertThat(today).extracting(Slot::time).containsExactly(LocalTime.of(16, 30));
        assertThat(AppointmentSlots.slots(OpeningHours.closed(WEDNESDAY), SHANGHAI, 15, 1, 14, Map.of(),
                at(WEDNESDAY.minusDays(1), 9, 0))).isEmpty();
        assertThat(AppointmentSlots.slots(nineToFive(WEDNESDAY.plusDays(15)), SHANGHAI, 15, 1, 14, Map.of(),
                at(WEDNESDAY, 9, 0))).isEmpty();
        assertThat(AppointmentSlots.slots(nineToFive(WEDNESDAY.plusDays(14)), SHANGHAI, 15, 1, 14, Map.of(),
                at(WEDNESDAY, 9, 0))).isNotEmpty();
        assertThat(AppointmentSlots.slots(nineToFive(WEDNESDAY.minusDays(1)), SHANGHAI, 15, 1, 14, Map.of(),
                at(WEDNESDAY, 9, 0))).isEmpty();
        assertThat(AppointmentSlots.slots(nineToFive(WEDNESDAY), SHANGHAI, 15, 0, 14, Map.of(),
                at(WEDNESDAY.minusDays(1), 9, 0))).isEmpty();
    }

    @Test
    void slotsNeverWrapPastMidnight() {
        List<Slot> slots = AppointmentSlots.slots(new OpeningHours(WEDNESDAY, LocalTime.of(23, 0), LocalTime.of(23, 59)),
                SHANGHAI, 15, 1, 14, Map.of(), at(WEDNESDAY, 0, 0));
        assertThat(slots).extracting(Slot::time).containsExactly(LocalTime.of(23, 0), LocalTime.of(23, 15),
                LocalTime.of(23, 30));
    }

    // ---- opening

    private static final Function<LocalDate, OpeningHours> WEEKDAYS_NINE_TO_FIVE = d ->
            d.getDayOfWeek().getValue() >= 6 ? OpeningHours.closed(d) : nineToFive(d);

    @Test
    void openFromOpeningInclusiveToClosingExclusive() {
        assertThat(BranchOpening.openAt(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, at(WEDNESDAY, 8, 59))).isFalse();
        assertThat(BranchOpening.openAt(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, at(WEDNESDAY, 9, 0))).isTrue();
        assertThat(BranchOpening.openAt(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, at(WEDNESDAY, 16, 59))).isTrue();
        assertThat(BranchOpening.openAt(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, at(WEDNESDAY, 17, 0))).isFalse();
    }

    @Test
    void theNextOpeningIsLaterTodayOrTheNextOpenDay() {
        assertThat(BranchOpening.nextOpening(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, at(WEDNESDAY, 7, 0)))
                .contains(ZonedDateTime.of(WEDNESDAY.atTime(9, 0), SHANGHAI));
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(BranchOpening.nextOpening(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, at(friday, 18, 0)))
                .contains(ZonedDateTime.of(LocalDate.of(2026, 12, 7).atTime(9, 0), SHANGHAI));
        assertThat(BranchOpening.nextOpening(OpeningHours::closed, SHANGHAI, at(friday, 18, 0))).isEmpty();
        assertThat(BranchOpening.closingOn(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, friday))
                .contains(ZonedDateTime.of(friday.atTime(17, 0), SHANGHAI));
        assertThat(BranchOpening.closingOn(WEEKDAYS_NINE_TO_FIVE, SHANGHAI, friday.plusDays(1))).isEqualTo(Optional.empty());
    }

    // ---- haversine

    @Test
    void haversineGivesKnownDistances() {
        // Shanghai Bund branch to Pudong branch: about 1.7 km
        assertThat(Haversine.km(31.2397, 121.4906, 31.2353, 121.5069)).isBetween(1.5, 1.8);
        // Shanghai to Beijing (the demo branches): about 1,070 km
        assertThat(Haversine.km(31.2397, 121.4906, 39.9087, 116.4706)).isBetween(1060.0, 1080.0);
        assertThat(Haversine.km(31.0, 121.0, 31.0, 121.0)).isZero();
        // a quarter of the meridian: pole to equator
        assertThat(Haversine.km(90, 0, 0, 0)).isCloseTo(Math.PI / 2 * Haversine.EARTH_RADIUS_KM,
                org.assertj.core.data.Offset.offset(1e-6));
        // symmetric, and across the antimeridian the short way
        assertThat(Haversine.km(0, 179.5, 0, -179.5)).isCloseTo(Haversine.km(0, -179.5, 0, 179.5),
                org.assertj.core.data.Offset.offset(1e-9)).isLessThan(112);
    }

    @Test
    void haversineRefusesPositionsOffTheEarth() {
        assertThatThrownBy(() -> Haversine.km(91, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Haversine.km(0, 0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
