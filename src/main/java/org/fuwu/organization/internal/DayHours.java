package org.fuwu.organization.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** The opening hours of a branch on one weekday: closed, or open from {@code opens} to {@code closes}. */
public record DayHours(DayOfWeek weekday, boolean closed, LocalTime opens, LocalTime closes) {

    public static DayHours closed(DayOfWeek weekday) {
        return new DayHours(weekday, true, null, null);
    }

    public static DayHours open(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
        return new DayHours(weekday, false, opens, closes);
    }
}
