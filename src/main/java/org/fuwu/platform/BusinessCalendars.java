package org.fuwu.platform;

import java.util.List;

/**
 * The business calendars of the bank (such as {@code CN}, the mainland's public holidays and
 * adjusted working days), kept by administrators. Answers are cached and refreshed on every change.
 */
public interface BusinessCalendars {

    /**
     * The calendar with that code.
     *
     * @throws NotFoundException when there is none
     */
    BusinessCalendar get(String code);

    /** Whether a calendar with that code exists. */
    boolean exists(String code);

    /** The codes of all calendars, in order. */
    List<String> codes();
}
