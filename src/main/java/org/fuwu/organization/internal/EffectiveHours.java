package org.fuwu.organization.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.fuwu.organization.OpeningHours;
import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendar.DayKind;

/**
 * A named policy: a branch's opening hours on a date, from its week and its business calendar.
 *
 * <ul>
 *   <li>A public holiday of the calendar: closed, whatever the week says.</li>
 *   <li>An adjusted working day (调休): open. With that weekday's hours when the branch opens on that
 *       weekday anyway; otherwise with the hours of its first open day from Monday to Friday (the working
 *       day it stands in for). Closed only when the branch never opens Monday to Friday.</li>
 *   <li>Any other day: the week's hours for that weekday (a branch may open on weekends).</li>
 * </ul>
 * Spring-free.
 */
public final class EffectiveHours {

    private EffectiveHours() {
    }

    public static OpeningHours on(List<DayHours> week, BusinessCalendar calendar, LocalDate date) {
        DayHours usual = dayOf(week, date.getDayOfWeek());
        var special = calendar.specialDay(date);
        if (special.isPresent() && special.get().kind() == DayKind.HOLIDAY) {
            return OpeningHours.closed(date);
        }
        if (special.isPresent() && special.get().kind() == DayKind.WORKDAY && (usual == null || usual.closed())) {
            for (DayOfWeek d = DayOfWeek.MONDAY; d.getValue() <= DayOfWeek.FRIDAY.getValue(); d = d.plus(1)) {
                DayHours h = dayOf(week, d);
                if (h != null && !h.closed()) {
                    return new OpeningHours(date, h.opens(), h.closes());
                }
            }
            return OpeningHours.closed(date);
        }
        if (usual == null || usual.closed()) {
            return OpeningHours.closed(date);
        }
        return new OpeningHours(date, usual.opens(), usual.closes());
    }

    private static DayHours dayOf(List<DayHours> week, DayOfWeek d) {
        return week.stream().filter(h -> h.weekday() == d).findFirst().orElse(null);
    }
}
