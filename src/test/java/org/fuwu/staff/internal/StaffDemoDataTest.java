package org.fuwu.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;

class StaffDemoDataTest {

    @Test
    void everyRoleHasADemoAccountAndTheBranchAccountsSitInB001AndB002() {
        Set<Role> roles = StaffDemoData.ACCOUNTS.stream().map(StaffDemoData.DemoAccount::role).collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        assertThat(StaffDemoData.ACCOUNTS).filteredOn(a -> a.level() == Scope.Level.BRANCH)
                .extracting(StaffDemoData.DemoAccount::username, StaffDemoData.DemoAccount::scopeCode)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("teller1", "B001"),
                        org.assertj.core.groups.Tuple.tuple("teller2", "B002"),
                        org.assertj.core.groups.Tuple.tuple("lobby1", "B001"));
    }

    @Test
    void demoSkillsExistInTheDemoCatalogueWithLevelsOneToFive() {
        Set<String> catalogue = StaffDemoData.SKILLS.stream().map(Skill::code).collect(Collectors.toSet());
        StaffDemoData.ACCOUNTS.forEach(a -> a.skills().forEach((code, level) -> {
            assertThat(catalogue).contains(code);
            assertThat(level).isBetween(1, 5);
        }));
        assertThat(StaffDemoData.ACCOUNTS).filteredOn(a -> a.username().equals("agent1")).first()
                .satisfies(a -> assertThat(a.skills()).isNotEmpty());
    }

    @Test
    void theBannerListsEveryDemoLogInAndThePasswordOnce() {
        StaffDemoData loader = new StaffDemoData(null, null, null, null, null, null, new DemoProperties("pw-for-test"));
        String banner = loader.banner();
        StaffDemoData.ACCOUNTS.forEach(a -> assertThat(banner).contains(a.username()).contains(a.role().name()));
        assertThat(banner).contains("BRANCH:B001");
        assertThat(banner.split("pw-for-test", -1)).hasSize(2);
    }

    @Test
    void theDemoPasswordDefaultsToDemo1234() {
        assertThat(new DemoProperties(null).password()).isEqualTo("demo1234");
        assertThat(new DemoProperties(" ").password()).isEqualTo("demo1234");
    }
}
