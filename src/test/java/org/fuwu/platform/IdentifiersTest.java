package org.fuwu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.NumericChars;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void acceptsAKnownValidIdNumber() {
        // GB 11643-1999 worked example: 11010519491231002X
        assertThat(Identifiers.isIdNumber("11010519491231002X")).isTrue();
        assertThat(Identifiers.isIdNumber(Identifiers.normaliseIdNumber("11010519491231002x"))).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigitAnImpossibleDateAndABadLength() {
        assertThat(Identifiers.isIdNumber("110105194912310021")).isFalse();
        assertThat(Identifiers.isIdNumber("110105194913310028")).isFalse();
        assertThat(Identifiers.isIdNumber("11010519491231002")).isFalse();
    }

    @Property
    void exactlyOneCheckDigitCompletesEveryIdNumber(@ForAll @IntRange(min = 1930, max = 2020) int year,
                                                    @ForAll @IntRange(min = 1, max = 12) int month,
                                                    @ForAll @IntRange(min = 1, max = 28) int day,
                                                    @ForAll @IntRange(min = 0, max = 999) int seq) {
        String first17 = "310101" + String.format("%04d%02d%02d%03d", year, month, day, seq);
        int valid = 0;
        for (char c : "0123456789X".toCharArray()) {
            if (Identifiers.isIdNumber(first17 + c)) {
                valid++;
                assertThat(c).isEqualTo(Identifiers.idCheckDigit(first17));
            }
        }
        assertThat(valid).isEqualTo(1);
    }

    @Test
    void normalisesAndChecksMobiles() {
        assertThat(Identifiers.normaliseMobile("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(Identifiers.isMobile("13812345678")).isTrue();
        assertThat(Identifiers.isMobile("12812345678")).isFalse();
        assertThat(Identifiers.isMobile("1381234567")).isFalse();
    }

    @Property
    void aLuhnCheckDigitAlwaysValidatesAndAChangedDigitNever(@ForAll @NumericChars @StringLength(min = 15, max = 18) String body,
                                                            @ForAll @IntRange(min = 1, max = 9) int delta) {
        String card = null;
        for (char c = '0'; c <= '9'; c++) {
            if (Identifiers.isCardNumber(body + c)) {
                card = body + c;
            }
        }
        assertThat(card).isNotNull();
        char last = card.charAt(card.length() - 1);
        String changed = card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + delta) % 10);
        assertThat(Identifiers.isCardNumber(changed)).isFalse();
    }

    @Test
    void checksEmails() {
        assertThat(Identifiers.isEmail(Identifiers.normaliseEmail(" Li.Na@Example.COM "))).isTrue();
        assertThat(Identifiers.isEmail("li.na@")).isFalse();
    }
}
