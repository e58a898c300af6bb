package org.fuwu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fuwu.platform.BusinessCalendar;

/**
 * The branches of the bank, for other modules. Reads here are not scoped: a caller that shows
 * branches to staff filters them by {@link org.fuwu.platform.CurrentStaff#scope()} itself.
 */
public interface Branches {

    Optional<BranchSummary> find(String branchCode);

    /** Every branch, active or not, ordered by code. */
    List<BranchSummary> all();

    /** The branches of a region, ordered by code; empty for an unknown region. */
    List<BranchSummary> ofRegion(String regionCode);

    /**
     * The business calendar a branch follows (its region's), for deadlines in working days.
     *
     * @throws org.fuwu.platform.NotFoundException for an unknown branch
     */
    BusinessCalendar calendarOf(String branchCode);

    /**
     * A branch's opening hours on a date: its weekly hours with its business calendar applied (closed
     * on a public holiday; on an adjusted working day (调休) its hours of that weekday, or its Monday to
     * Friday hours when it is usually closed that weekday).
     *
     * @throws org.fuwu.platform.NotFoundException for an unknown branch
     */
    OpeningHours openingHours(String branchCode, LocalDate date);

    /** Where a branch is; empty when unknown or when its coordinates were never set. */
    Optional<BranchLocation> location(String branchCode);

    /** The active zones of a branch, by code; none for an unknown branch. */
    java.util.List<ZoneSummary> zones(String branchCode);
}
