package org.fuwu.queueing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A named policy: how an appointment customer's check-in time decides their place in the queue.
 *
 * <ul>
 *   <li>Earlier than {@code earliestCheckIn} before the slot: refused ({@link Verdict#TOO_EARLY}); come back later.</li>
 *   <li>From then until {@code grace} after the slot starts: {@link Verdict#ON_TIME}. The ticket is an
 *       appointment and ranks from the booked time, so an early customer waits for the booked time and a
 *       slightly late one keeps it.</li>
 *   <li>Later, until the slot ends plus {@code grace}: {@link Verdict#LATE}. The booking lapses; the
 *       customer becomes an ordinary walk-in ranking from the check-in (arrival).</li>
 *   <li>After that: {@link Verdict#MISSED}. The appointment is a no-show; check-in is refused, and the
 *       missed-appointment job marks it MISSED.</li>
 * </ul>
 * Spring-free.
 *
 * @param earliestCheckIn how long before the slot a check-in is accepted
 * @param grace how late a customer may be and keep the booked time; also how long after the slot ends
 *        the booking is kept before it is missed
 */
public record AppointmentLateness(Duration earliestCheckIn, Duration grace) {

    /** What a check-in at a given moment means. */
    public enum Verdict { TOO_EARLY, ON_TIME, LATE, MISSED }

    public AppointmentLateness {
        Objects.requireNonNull(earliestCheckIn, "earliestCheckIn");
        Objects.requireNonNull(grace, "grace");
        if (earliestCheckIn.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    public Verdict judge(Instant slotStart, Duration slotLength, Instant checkIn) {
        if (checkIn.isBefore(slotStart.minus(earliestCheckIn))) {
            return Verdict.TOO_EARLY;
        }
        if (!checkIn.isAfter(slotStart.plus(grace))) {
            return Verdict.ON_TIME;
        }
        if (!checkIn.isAfter(missedAfter(slotStart, slotLength))) {
            return Verdict.LATE;
        }
        return Verdict.MISSED;
    }

    /** The moment after which a booked appointment not checked in is missed: slot end plus grace. */
    public Instant missedAfter(Instant slotStart, Duration slotLength) {
        return slotStart.plus(slotLength).plus(grace);
    }
}
