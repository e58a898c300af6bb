package org.fuwu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityKindTest {

    @Test
    void mobileIsNormalisedFromSpacesDashesAndCountryCode() {
        assertThat(IdentityKind.MOBILE.normalise("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(IdentityKind.MOBILE.normalise("0086 13812345678")).isEqualTo("13812345678");
        assertThat(IdentityKind.MOBILE.isValid("13812345678")).isTrue();
    }

    @Test
    void mobileMustBeElevenDigitsStartingWithOneAndThreeToNine() {
        assertThat(IdentityKind.MOBILE.isValid("12812345678")).isFalse();
        assertThat(IdentityKind.MOBILE.isValid("1381234567")).isFalse();
        assertThat(IdentityKind.MOBILE.isValid("138123456789")).isFalse();
        assertThat(IdentityKind.MOBILE.isValid("1381234567a")).isFalse();
        assertThat(IdentityKind.MOBILE.isValid("")).isFalse();
    }

    @Test
    void idNumberWithCorrectCheckDigitIsValidAndLowerCaseXIsUpperCased() {
        assertThat(IdentityKind.ID_NUMBER.isValid("11010519491231002X")).isTrue();
        assertThat(IdentityKind.ID_NUMBER.normalise("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(IdentityKind.ID_NUMBER.isValid(IdentityKind.ID_NUMBER.normalise(" 110105 19491231 002x "))).isTrue();
    }

    @Test
    void idNumberWithWrongCheckDigitOrImpossibleBirthDateIsRefused() {
        assertThat(IdentityKind.ID_NUMBER.isValid("110105194912310021")).isFalse();
        assertThat(IdentityKind.ID_NUMBER.isValid("110105194902300028")).isFalse();
        assertThat(IdentityKind.ID_NUMBER.isValid("11010519491231002")).isFalse();
    }

    @Test
    void cardNumberNeedsTheLuhnDigit() {
        assertThat(IdentityKind.CARD_NUMBER.isValid(IdentityKind.CARD_NUMBER.normalise("6222 0212 3456 7890 128"))).isTrue();
        assertThat(IdentityKind.CARD_NUMBER.isValid("6222021234567890127")).isFalse();
        assertThat(IdentityKind.CARD_NUMBER.isValid("12345678901")).isFalse();
    }

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(IdentityKind.EMAIL.normalise("  Zhang.Wei@Example.COM ")).isEqualTo("zhang.wei@example.com");
        assertThat(IdentityKind.EMAIL.isValid("zhang.wei@example.com")).isTrue();
        assertThat(IdentityKind.EMAIL.isValid("zhang.wei@example")).isFalse();
        assertThat(IdentityKind.EMAIL.isValid("zhang wei@example.com")).isFalse();
    }

    @Test
    void wechatOpenIdAndAppUserIdAreTrimmedAndCaseKept() {
        assertThat(IdentityKind.WECHAT_OPENID.normalise(" oUpF8uMuAJO_M2pxb1Q9zNjWeS6o ")).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        assertThat(IdentityKind.WECHAT_OPENID.isValid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")).isTrue();
        assertThat(IdentityKind.WECHAT_OPENID.isValid("abc")).isFalse();
        assertThat(IdentityKind.WECHAT_OPENID.isValid("has space inside")).isFalse();
        assertThat(IdentityKind.APP_USER_ID.isValid("u:10086")).isTrue();
        assertThat(IdentityKind.APP_USER_ID.isValid("用户")).isFalse();
    }

    @Test
    void eachKindMasksItsOwnWay() {
        assertThat(IdentityKind.MOBILE.mask("13812345678")).isEqualTo("138****5678");
        assertThat(IdentityKind.ID_NUMBER.mask("110105194912310021")).isEqualTo("110***********0021");
        assertThat(IdentityKind.CARD_NUMBER.mask("6222021234567890128")).isEqualTo("6222***********0128");
        assertThat(IdentityKind.EMAIL.mask("zhang.wei@example.com")).isEqualTo("z********@example.com");
        assertThat(IdentityKind.WECHAT_OPENID.mask("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")).isEqualTo("oUp**********************S6o");
        assertThat(IdentityKind.APP_USER_ID.mask("u10086")).isEqualTo("******");
    }

    @Test
    void theSameValueOfTwoKindsIndexesUnderDifferentKinds() {
        assertThat(IdentityKind.MOBILE.indexKind()).isEqualTo("mobile");
        assertThat(IdentityKind.CARD_NUMBER.indexKind()).isEqualTo("card_number");
        assertThat(IdentityKind.ofField("idNumber")).contains(IdentityKind.ID_NUMBER);
        assertThat(IdentityKind.ofField("nope")).isEmpty();
    }
}
