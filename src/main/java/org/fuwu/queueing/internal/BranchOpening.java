package org.fuwu.queueing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;

import org.fuwu.organization.OpeningHours;

/**
 * A named policy: whether a branch is open at an instant, and when it next opens, from its opening
 * hours per date (organization's {@link OpeningHours}, business calendar applied). A branch is open
 * from its opening time (inclusive) to its closing time (exclusive), in its own time zone. Spring-free.
 */
public final class BranchOpening {

    /** How far ahead the next opening is looked for; a branch closed for longer has none. */
    public static final int SEARCH_DAYS = 60;

    private BranchOpening() {
    }

    public static boolean openAt(Function<LocalDate, OpeningHours> hours, ZoneId zone, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return hours.apply(local.toLocalDate()).openAt(local.toLocalTime());
    }

    /**
     * The next time the branch opens strictly after {@code at} when it is closed at {@code at} (or, when
     * open, the next opening after today's closing); empty when it does not open within {@link #SEARCH_DAYS}.
     */
    public static Optional<ZonedDateTime> nextOpening(Function<LocalDate, OpeningHours> hours, ZoneId zone, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            OpeningHours h = hours.apply(day.plusDays(i));
            if (h.isOpen()) {
                ZonedDateTime opens = day.plusDays(i).atTime(h.opens()).atZone(zone);
                if (opens.toInstant().isAfter(at)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    /** When the branch closes on the day of {@code at} (local), or empty when that day is closed. */
    public static Optional<ZonedDateTime> closingOn(Function<LocalDate, OpeningHours> hours, ZoneId zone, LocalDate day) {
        OpeningHours h = hours.apply(day);
        return h.isOpen() ? Optional.of(day.atTime(h.closes()).atZone(zone)) : Optional.empty();
    }
}
