package org.fuwu.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.staff.internal.PasswordPolicy.Violation;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void tenCharactersAreEnough() {
        assertThat(PasswordPolicy.check("abcdefgh12", "teller9")).isEmpty();
    }

    @Test
    void nineCharactersAreTooShort() {
        assertThat(PasswordPolicy.check("abcdefg12", "teller9")).contains(Violation.TOO_SHORT);
    }

    @Test
    void theDemoPasswordWouldNotPassForARealAccount() {
        assertThat(PasswordPolicy.check("demo1234", "someone")).contains(Violation.TOO_SHORT);
    }

    @Test
    void emptyOrMissingIsRequired() {
        assertThat(PasswordPolicy.check("", "x")).contains(Violation.REQUIRED);
        assertThat(PasswordPolicy.check(null, "x")).contains(Violation.REQUIRED);
    }

    @Test
    void chineseCharactersCountAsCharactersNotBytes() {
        assertThat(PasswordPolicy.check("服务银行密码很长吧好的", "x")).isEmpty();
        assertThat(PasswordPolicy.check("服务银行密码很长吧", "x")).contains(Violation.TOO_SHORT);
    }

    @Test
    void moreThanSeventyTwoBytesIsTooLongForBcrypt() {
        assertThat(PasswordPolicy.check("a1".repeat(36), "x")).isEmpty();
        assertThat(PasswordPolicy.check("a1".repeat(36) + "b", "x")).contains(Violation.TOO_LONG);
        assertThat(PasswordPolicy.check("密".repeat(25), "x")).contains(Violation.TOO_LONG);
    }

    @Test
    void oneRepeatedCharacterIsRefused() {
        assertThat(PasswordPolicy.check("aaaaaaaaaaaa", "x")).contains(Violation.MONOTONOUS);
    }

    @Test
    void theUsernameInsideThePasswordIsRefusedInAnyCase() {
        assertThat(PasswordPolicy.check("xxTeller9-2026", "teller9")).contains(Violation.CONTAINS_USERNAME);
        assertThat(PasswordPolicy.check("xxTeller9-2026", "TELLER9")).contains(Violation.CONTAINS_USERNAME);
    }

    @Test
    void violationsHaveMessageKeysOfTheStaffBundle() {
        assertThat(Violation.TOO_SHORT.messageKey()).isEqualTo("staff.password.too-short");
    }
}
