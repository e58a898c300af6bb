package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeywordClassifierTest {

    static final List<KeywordClassifier.Code> CODES = List.of(
            new KeywordClassifier.Code("B01", "借记卡", "Debit cards", List.of("借记卡", "吞卡", "ATM")),
            new KeywordClassifier.Code("B02", "信用卡", "Credit cards", List.of("信用卡", "账单")),
            new KeywordClassifier.Code("B06", "支付结算", "Payments", List.of("转账", "到账", "transfer")));

    @Test
    void theCodeWithTheMostKeywordsWinsAndSaysWhich() {
        var s = KeywordClassifier.suggest("atm吞卡了，借记卡还没还回来", CODES).orElseThrow();
        assertThat(s.code()).isEqualTo("B01");
        assertThat(s.matched()).containsExactly("借记卡", "吞卡", "ATM");
        assertThat(KeywordClassifier.suggest("The TRANSFER never arrived", CODES).orElseThrow().code()).isEqualTo("B06");
    }

    @Test
    void noKeywordNoSuggestionAndTiesGoToTheFirstCode() {
        assertThat(KeywordClassifier.suggest("天气很好", CODES)).isEmpty();
        assertThat(KeywordClassifier.suggest(" ", CODES)).isEmpty();
        assertThat(KeywordClassifier.suggest("信用卡转账", CODES).orElseThrow().code()).isEqualTo("B02");
    }
}
