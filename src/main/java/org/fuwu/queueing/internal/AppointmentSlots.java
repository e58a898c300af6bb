package org.fuwu.queueing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fuwu.organization.OpeningHours;

/**
 * A named policy: the bookable slots of a service on a date. Slots are {@code slotMinutes} long and start
 * at the opening time; a slot must end by closing time. A slot is offered only when it starts after now,
 * and its date is from today to {@code daysAhead} days ahead (in the branch's time zone). Each slot takes
 * {@code capacity} bookings (by default the counters that serve the service); what is left is
 * capacity minus the bookings already held. Spring-free.
 */
public final class AppointmentSlots {

    /** One slot: its start, its local start time and how many bookings it still takes. */
    public record Slot(Instant start, LocalTime time, int remaining) {
    }

    private AppointmentSlots() {
    }

    /**
     * Every slot of the day in order, with what is left; empty when the day is closed, in the past or
     * too far ahead, or the capacity is 0.
     *
     * @param booked bookings held per slot start
     */
    public static List<Slot> slots(OpeningHours hours, ZoneId zone, int slotMinutes, int capacity, int daysAhead,
                                   Map<Instant, Integer> booked, Instant now) {
        if (slotMinutes < 5 || slotMinutes > 240) {
            throw new IllegalArgumentException("slot length 5..240 minutes: " + slotMinutes);
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate date = hours.date();
        List<Slot> slots = new ArrayList<>();
        if (!hours.isOpen() || capacity <= 0 || date.isBefore(today) || date.isAfter(today.plusDays(daysAhead))) {
            return slots;
        }
        for (LocalTime t = hours.opens(); !t.plusMinutes(slotMinutes).isAfter(hours.closes())
                && !t.plusMinutes(slotMinutes).isBefore(t); t = t.plusMinutes(slotMinutes)) {
            Instant start = date.atTime(t).atZone(zone).toInstant();
            if (start.isAfter(now)) {
                slots.add(new Slot(start, t, Math.max(0, capacity - booked.getOrDefault(start, 0))));
            }
        }
        return slots;
    }

    /** Whether {@code start} is one of the day's offered slots and still has room. */
    public static boolean bookable(List<Slot> slots, Instant start) {
        return slots.stream().anyMatch(s -> s.start().equals(start) && s.remaining() > 0);
    }
}
