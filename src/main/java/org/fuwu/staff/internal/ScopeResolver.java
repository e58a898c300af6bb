package org.fuwu.staff.internal;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.fuwu.platform.Scope;

/**
 * Turns a stored scope (level and code) into the {@link Scope} of a principal. A region covers the
 * branches the directory lists for it; when no directory is known, a region covers no branch at
 * all (fail closed), never the whole bank.
 */
public final class ScopeResolver {

    private final Function<String, Set<String>> branchesOfRegion;

    /** @param branchesOfRegion the branch codes of a region, or {@code null} when no directory is present */
    public ScopeResolver(Function<String, Set<String>> branchesOfRegion) {
        this.branchesOfRegion = branchesOfRegion;
    }

    public Scope resolve(Scope.Level level, String code) {
        return switch (level) {
            case BANK -> Scope.bank();
            case BRANCH -> Scope.branch(code);
            case REGION -> Scope.region(code, branchesOfRegion == null ? Set.of()
                    : Optional.ofNullable(branchesOfRegion.apply(code)).orElse(Set.of()));
        };
    }
}
