package org.fuwu.queueing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A booked appointment (预约) as stored. It holds a customer id or an encrypted mobile number, never
 * a plain identifier.
 *
 * @param slotStart the booked time
 * @param bookedSlotStart the time first booked (differs when the end of day moved it off a closed day)
 * @param mobileEnc the mobile number, encrypted with {@code PersonalData.encrypt}, or null
 * @param ticketId the ticket its check-in created, or null
 */
public record Appointment(long id, String branchCode, String serviceCode, LocalDate businessDay, Instant slotStart,
                          int slotMinutes, Instant bookedSlotStart, Status status, Long customerId, String mobileEnc,
                          String token, Long ticketId, Channel channel, Instant bookedAt, Instant checkedInAt,
                          long version) {

    /**
     * BOOKED until it is checked in (CHECKED_IN: a ticket exists), cancelled by its holder (CANCELLED),
     * not checked in by the end of its slot plus the grace (MISSED), or left without a slot because its
     * day closed and the next open day had no room (CARRIED_OVER: staff arrange it).
     */
    public enum Status { BOOKED, CHECKED_IN, CANCELLED, MISSED, CARRIED_OVER }

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }
}
