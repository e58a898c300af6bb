package org.fuwu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SynonymExpansionTest {

    private final SynonymExpansion dictionary = new SynonymExpansion(List.of(
            new SynonymExpansion.Group(1, "zh", List.of("挂失", "卡丢了", "冻结卡")),
            new SynonymExpansion.Group(2, "zh", List.of("营业时间", "几点开门")),
            new SynonymExpansion.Group(3, "en", List.of("lost card", "stolen card", "freeze card")),
            new SynonymExpansion.Group(4, "en", List.of("fee", "charge"))));

    @Test
    void aChineseTermFoundInTheTextAddsTheOtherTermsOfItsGroup() {
        assertThat(dictionary.expand("我的卡丢了怎么办", "zh")).containsExactly("挂失", "冻结卡");
        assertThat(dictionary.expand("银行 几点 开门？", "zh")).containsExactly("营业时间");
    }

    @Test
    void anEnglishTermMatchesWhenAllItsWordsAreInTheTextInAnyOrderPluralsToo() {
        assertThat(dictionary.expand("I lost my card yesterday", "en")).containsExactly("stolen card", "freeze card");
        assertThat(dictionary.expand("card lost", "en")).containsExactly("stolen card", "freeze card");
        assertThat(dictionary.expand("what charges apply", "en")).containsExactly("fee");
        assertThat(dictionary.expand("I lost my phone", "en")).isEmpty();
    }

    @Test
    void onlyTheGroupsOfTheTextsLanguageApply() {
        assertThat(dictionary.expand("卡丢了", "en")).isEmpty();
        assertThat(dictionary.expand("lost card", "zh")).isEmpty();
        assertThat(dictionary.expand("", "zh")).isEmpty();
    }

    @Test
    void termsAreReadAsAnAdminTypesThem() {
        assertThat(SynonymExpansion.parseTerms(" 挂失，卡丢了、冻结卡; 挂失\nlost  card ,, "))
                .containsExactly("挂失", "卡丢了", "冻结卡", "lost card");
    }
}
