package org.fuwu.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;

class ScopeResolverTest {

    private final ScopeResolver withDirectory = new ScopeResolver(
            code -> Map.of("R01", Set.of("B001", "B002")).getOrDefault(code, Set.of()));
    private final ScopeResolver withoutDirectory = new ScopeResolver(null);

    @Test
    void regionCoversTheBranchesTheDirectoryLists() {
        Scope s = withDirectory.resolve(Scope.Level.REGION, "R01");
        assertThat(s.branchCodes()).containsExactlyInAnyOrder("B001", "B002");
        assertThat(s.coversBranch("B001")).isTrue();
        assertThat(s.coversBranch("B003")).isFalse();
        assertThat(s.isBankWide()).isFalse();
        assertThat(s.label()).isEqualTo("REGION:R01");
    }

    @Test
    void unknownRegionCoversNothing() {
        assertThat(withDirectory.resolve(Scope.Level.REGION, "R99").branchCodes()).isEmpty();
    }

    @Test
    void withoutADirectoryARegionFailsClosed() {
        Scope s = withoutDirectory.resolve(Scope.Level.REGION, "R01");
        assertThat(s.branchCodes()).isEmpty();
        assertThat(s.coversBranch("B001")).isFalse();
        assertThat(s.isBankWide()).isFalse();
    }

    @Test
    void aDirectoryAnsweringNullAlsoFailsClosed() {
        assertThat(new ScopeResolver(code -> null).resolve(Scope.Level.REGION, "R01").branchCodes()).isEmpty();
    }

    @Test
    void branchCoversOnlyItself() {
        Scope s = withoutDirectory.resolve(Scope.Level.BRANCH, "B001");
        assertThat(s.coversBranch("B001")).isTrue();
        assertThat(s.coversBranch("B002")).isFalse();
    }

    @Test
    void bankCoversEveryBranch() {
        Scope s = withoutDirectory.resolve(Scope.Level.BANK, null);
        assertThat(s.isBankWide()).isTrue();
        assertThat(s.coversBranch("B777")).isTrue();
    }
}
