package org.fuwu.queueing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the lobby's day: opening hours, appointments and the end of day
 * ({@code fuwu.queueing.schedule.*}).
 *
 * @param enforceOpeningHours whether tickets are refused outside the branch's opening hours; default
 *        true. The test profile turns it off, because its tests take tickets at any hour of the real
 *        clock; a dedicated test turns it on with a set clock.
 * @param jobsEnabled whether the scheduled jobs run (end of day after closing, missed appointments);
 *        default true, off in the test profile, where tests run them by hand
 * @param earliestCheckIn how long before the booked slot an appointment may check in; default 2 hours
 * @param lateGrace how late an appointment may check in and keep its booked time; default 10 minutes
 * @param defaultSlotMinutes the slot length of a branch without its own setting; default 15
 * @param defaultBookingDaysAhead how many days ahead a branch without its own setting takes bookings; default 14
 */
@ConfigurationProperties("fuwu.queueing.schedule")
public record LobbyScheduleProperties(Boolean enforceOpeningHours, Boolean jobsEnabled, Duration earliestCheckIn,
                                      Duration lateGrace, Integer defaultSlotMinutes, Integer defaultBookingDaysAhead) {

    public LobbyScheduleProperties {
        enforceOpeningHours = enforceOpeningHours == null || enforceOpeningHours;
        jobsEnabled = jobsEnabled == null || jobsEnabled;
        earliestCheckIn = earliestCheckIn == null ? Duration.ofHours(2) : earliestCheckIn;
        lateGrace = lateGrace == null ? Duration.ofMinutes(10) : lateGrace;
        defaultSlotMinutes = defaultSlotMinutes == null ? 15 : defaultSlotMinutes;
        defaultBookingDaysAhead = defaultBookingDaysAhead == null ? 14 : defaultBookingDaysAhead;
    }

    public AppointmentLateness lateness() {
        return new AppointmentLateness(earliestCheckIn, lateGrace);
    }
}
