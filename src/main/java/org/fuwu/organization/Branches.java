package org.fuwu.organization;

import java.util.List;
import java.util.Optional;

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
}
