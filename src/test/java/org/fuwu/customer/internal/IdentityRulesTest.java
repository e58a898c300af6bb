package org.fuwu.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.junit.jupiter.api.Test;

class IdentityRulesTest {

    @Test
    void aBadValueIsNamedByItsFieldAndExplainedByItsKind() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(IdentityRules.check(IdentityKind.ID_NUMBER, "110105194912310021", "idNumber", errors)).isEmpty();
        assertThat(IdentityRules.check(IdentityKind.MOBILE, "1234", "mobile", errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("idNumber", "mobile");
        assertThat(errors).extracting(FieldError::messageKey).containsExactly("validation.idNumber", "validation.mobile");
    }

    @Test
    void aBlankValueIsNoValueAndNoError() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(IdentityRules.check(IdentityKind.EMAIL, "  ", "email", errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void aGoodValueComesBackNormalised() {
        assertThat(IdentityRules.require(IdentityKind.MOBILE, "+86 139 0000 1111", "mobile").value()).isEqualTo("13900001111");
    }

    @Test
    void requireRefusesBadValuesWithTheFieldNameNotTheValue() {
        assertThatThrownBy(() -> IdentityRules.require(IdentityKind.CARD_NUMBER, "6222021234567890127", "value"))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("value")
                .hasMessageNotContaining("6222021234567890127");
    }

    @Test
    void genderAndBirthDateComeFromTheIdNumber() {
        assertThat(IdentityRules.genderOf("11010519491231002X")).isEqualTo(Gender.FEMALE);
        assertThat(IdentityRules.genderOf("110105194912310010")).isEqualTo(Gender.MALE);
        assertThat(IdentityRules.birthDateOf("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void customerNumbersAreCAndEightDigits() {
        assertThat(CustomerNumbers.format(123)).isEqualTo("C00000123");
        assertThat(CustomerNumbers.isCustomerNumber("C00000123")).isTrue();
        assertThat(CustomerNumbers.isCustomerNumber("C123")).isFalse();
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertThat(CustomerStore.escapeLike("50%_!")).isEqualTo("50!%!_!!");
    }
}
