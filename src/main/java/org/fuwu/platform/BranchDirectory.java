package org.fuwu.platform;

import java.util.Set;

/**
 * Port: which regions and branches exist, so that the kernel and the staff module can resolve and
 * check scopes without depending on {@code organization}, which implements it.
 */
public interface BranchDirectory {

    boolean branchExists(String branchCode);

    boolean regionExists(String regionCode);

    /** The codes of the branches of a region; empty for an unknown region. */
    Set<String> branchCodesOfRegion(String regionCode);
}
