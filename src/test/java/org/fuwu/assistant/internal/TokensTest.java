package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void chineseAsCharactersAndPairs() {
        assertThat(Tokens.of("卡丢了")).containsExactly("卡", "丢", "卡丢", "丢了");
    }

    @Test
    void englishAsStemmedWordsWithoutStopWords() {
        assertThat(Tokens.of("I lost my Cards, transferring money!")).containsExactly("lost", "card", "transferr", "money");
        assertThat(Tokens.of("can't top-up")).containsExactly("cant", "top", "up");
    }

    @Test
    void mixedText() {
        assertThat(Tokens.of("ATM吞卡")).containsExactly("atm", "吞", "卡", "吞卡");
    }
}
