package org.fuwu.organization;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a branch is open on one date, after its business calendar is applied: closed on a public
 * holiday, open on an adjusted working day (调休) even if it falls on a weekend. Times are local to
 * the branch's time zone; a closed day has no times.
 *
 * @param date the date
 * @param opens when the branch opens, or null when it is closed all day
 * @param closes when it closes (after {@code opens}), or null when it is closed all day
 */
public record OpeningHours(LocalDate date, LocalTime opens, LocalTime closes) {

    public OpeningHours {
        Objects.requireNonNull(date, "date");
        if ((opens == null) != (closes == null)) {
            throw new IllegalArgumentException("opens and closes are both given or both absent");
        }
        if (opens != null && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("closes must be after opens");
        }
    }

    public static OpeningHours closed(LocalDate date) {
        return new OpeningHours(date, null, null);
    }

    /** Whether the branch opens at all on this date. */
    public boolean isOpen() {
        return opens != null;
    }

    /** Whether the branch is open at a local time of this date: from {@code opens} (inclusive) to {@code closes} (exclusive). */
    public boolean openAt(LocalTime time) {
        return isOpen() && !time.isBefore(opens) && time.isBefore(closes);
    }
}
