package org.fuwu.organization.internal;

import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A branch's whole week of opening hours, replacing the old one; a weekday not listed is closed.
 */
public record HoursInput(@NotNull List<@Valid Day> days) {

    /**
     * One weekday.
     *
     * @param weekday MONDAY .. SUNDAY
     * @param closed true when the branch is closed all day
     * @param opens when it opens, such as 09:00 (not for a closed day)
     * @param closes when it closes, after it opens
     */
    public record Day(@NotNull String weekday, Boolean closed, LocalTime opens, LocalTime closes) {
    }
}
