package org.fuwu.staff.internal;

import java.util.Set;

import org.fuwu.platform.BranchDirectory;
import org.fuwu.platform.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Scopes through the platform's {@link BranchDirectory} port (implemented by organization). Without
 * a directory, region scopes cover no branch and no region or branch code can be checked to exist.
 */
@Component
public class StaffScopes {

    private final ObjectProvider<BranchDirectory> directory;

    public StaffScopes(ObjectProvider<BranchDirectory> directory) {
        this.directory = directory;
    }

    public Scope resolve(Scope.Level level, String code) {
        BranchDirectory d = directory.getIfAvailable();
        return new ScopeResolver(d == null ? null : d::branchCodesOfRegion).resolve(level, code);
    }

    /** Whether the code names an existing branch or region of that level (the bank needs no code). */
    public boolean exists(Scope.Level level, String code) {
        if (level == Scope.Level.BANK) {
            return true;
        }
        BranchDirectory d = directory.getIfAvailable();
        if (d == null || code == null || code.isBlank()) {
            return false;
        }
        return level == Scope.Level.BRANCH ? d.branchExists(code) : d.regionExists(code);
    }

    /** The branch codes of a region, for display; empty without a directory. */
    public Set<String> branchesOf(String regionCode) {
        BranchDirectory d = directory.getIfAvailable();
        return d == null ? Set.of() : d.branchCodesOfRegion(regionCode);
    }
}
