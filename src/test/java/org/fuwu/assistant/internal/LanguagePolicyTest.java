package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.fuwu.assistant.internal.LanguagePolicy.Language;
import org.junit.jupiter.api.Test;

class LanguagePolicyTest {

    @Test
    void chineseWhenEnoughIdeographs() {
        assertThat(LanguagePolicy.of("我的卡丢了")).isEqualTo(Language.ZH);
        assertThat(LanguagePolicy.of("我的VISA卡丢了")).isEqualTo(Language.ZH);
        assertThat(LanguagePolicy.of("ATM 取款 100 元")).isEqualTo(Language.ZH);
    }

    @Test
    void englishOtherwise() {
        assertThat(LanguagePolicy.of("I lost my card")).isEqualTo(Language.EN);
        assertThat(LanguagePolicy.of("my card from 中国银行 was stolen yesterday evening")).isEqualTo(Language.EN);
        assertThat(LanguagePolicy.of("12345 ?!")).isEqualTo(Language.EN);
        assertThat(LanguagePolicy.of("")).isEqualTo(Language.EN);
    }

    @Test
    void anExplicitLanguageWins() {
        assertThat(LanguagePolicy.of("I lost my card", "zh-CN")).isEqualTo(Language.ZH);
        assertThat(LanguagePolicy.of("我的卡丢了", "en")).isEqualTo(Language.EN);
        assertThat(LanguagePolicy.of("我的卡丢了", " ")).isEqualTo(Language.ZH);
        assertThat(LanguagePolicy.of("我的卡丢了", "fr")).isEqualTo(Language.ZH);
    }
}
