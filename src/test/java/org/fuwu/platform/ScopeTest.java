package org.fuwu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void aBranchScopeCoversOnlyItsBranch() {
        Scope s = Scope.branch("B001");
        assertThat(s.coversBranch("B001")).isTrue();
        assertThat(s.coversBranch("B002")).isFalse();
    }

    @Test
    void aRegionScopeCoversItsBranchesAndTheBankCoversAll() {
        Scope r = Scope.region("R01", Set.of("B001", "B002"));
        assertThat(r.coversBranch("B002")).isTrue();
        assertThat(r.coversBranch("B101")).isFalse();
        assertThat(Scope.bank().coversBranch("B101")).isTrue();
    }

    @Test
    void aRegionOrBranchScopeNamesItsCode() {
        assertThatThrownBy(() -> new Scope(Scope.Level.BRANCH, " ", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
