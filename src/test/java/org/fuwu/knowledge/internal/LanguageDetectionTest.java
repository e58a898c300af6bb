package org.fuwu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    @Test
    void chineseTextIsChineseEvenWithLatinLettersInIt() {
        assertThat(LanguageDetection.detect("我的卡丢了怎么办", "en")).isEqualTo("zh");
        assertThat(LanguageDetection.detect("我的ATM卡丢了", "en")).isEqualTo("zh");
    }

    @Test
    void englishTextIsEnglishEvenWithAChineseTermInIt() {
        assertThat(LanguageDetection.detect("lost my crad", "zh")).isEqualTo("en");
        assertThat(LanguageDetection.detect("lost my card 挂失", "zh")).isEqualTo("en");
    }

    @Test
    void theShareDecidesAtThirtyPercent() {
        // 3 Han of 10 letters: exactly the threshold
        assertThat(LanguageDetection.detect("abcdefg挂失卡", null)).isEqualTo("zh");
        // 2 Han of 10 letters: below it
        assertThat(LanguageDetection.detect("abcdefgh挂失", null)).isEqualTo("en");
    }

    @Test
    void aTextWithoutLettersTakesTheCallersLanguageAndChineseWhenThatIsUnknown() {
        assertThat(LanguageDetection.detect("95588 ?", "en-US")).isEqualTo("en");
        assertThat(LanguageDetection.detect("95588 ?", "zh_CN")).isEqualTo("zh");
        assertThat(LanguageDetection.detect("123", "fr")).isEqualTo("zh");
        assertThat(LanguageDetection.detect(null, null)).isEqualTo("zh");
    }

    @Test
    void languageTagsAreNormalised() {
        assertThat(LanguageDetection.normalise("zh-Hans")).isEqualTo("zh");
        assertThat(LanguageDetection.normalise(" EN ")).isEqualTo("en");
        assertThat(LanguageDetection.normalise("de")).isNull();
        assertThat(LanguageDetection.normalise("zhx")).isNull();
    }
}
