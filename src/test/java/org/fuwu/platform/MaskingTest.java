package org.fuwu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void mobileKeepsFirstThreeAndLastFour() {
        assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void idNumberKeepsFirstThreeAndLastFour() {
        assertThat(Masking.idNumber("110101199003071234")).isEqualTo("110***********1234");
    }

    @Test
    void cardKeepsFirstAndLastFour() {
        assertThat(Masking.cardNumber("6222021234567890123")).isEqualTo("6222***********0123");
    }

    @Test
    void emailMasksTheLocalPart() {
        assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z********@example.com");
    }

    @Test
    void tooShortValuesAreStarredWhole() {
        assertThat(Masking.mobile("1234")).isEqualTo("****");
        assertThat(Masking.mobile(null)).isNull();
    }
}
