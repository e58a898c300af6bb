package org.fuwu.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.fuwu.customer.PreferentialClass;
import org.junit.jupiter.api.Test;

class PreferentialPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void customerBecomesElderlyOnTheSixtiethBirthday() {
        assertThat(PreferentialPolicy.effective(Set.of(), LocalDate.of(1966, 11, 23), TODAY)).containsExactly(PreferentialClass.ELDERLY);
        assertThat(PreferentialPolicy.effective(Set.of(), LocalDate.of(1966, 11, 24), TODAY)).isEmpty();
    }

    @Test
    void flaggedClassesStayAndWithoutBirthDateNobodyIsElderlyByAge() {
        assertThat(PreferentialPolicy.effective(Set.of(PreferentialClass.PREGNANT), null, TODAY))
                .containsExactly(PreferentialClass.PREGNANT);
        assertThat(PreferentialPolicy.effective(Set.of(PreferentialClass.DISABLED), LocalDate.of(1940, 1, 1), TODAY))
                .containsExactlyInAnyOrder(PreferentialClass.DISABLED, PreferentialClass.ELDERLY);
        assertThat(PreferentialPolicy.age(null, TODAY)).isNull();
        assertThat(PreferentialPolicy.age(LocalDate.of(1990, 3, 7), TODAY)).isEqualTo(36);
    }
}
