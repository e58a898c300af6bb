package org.fuwu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.fuwu.knowledge.internal.EntryRules.EntryInput;
import org.fuwu.platform.FieldValidationException;
import org.junit.jupiter.api.Test;

class EntryRulesTest {

    @Test
    void aGoodEntryIsNormalisedAndItsAnswerSanitised() {
        var c = EntryRules.check(new EntryInput(null, "zh-CN", "cards", " 卡丢了？ ", Arrays.asList("a", " ", null, "a", "b"),
                "<p>ok<script>x</script></p>", List.of("debit_card"), List.of("web", "AGENT"), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), null), "", "quality1", code -> code.equals("CARDS"));
        assertThat(c.kind()).isEqualTo("FAQ");
        assertThat(c.language()).isEqualTo("zh");
        assertThat(c.category()).isEqualTo("CARDS");
        assertThat(c.question()).isEqualTo("卡丢了？");
        assertThat(c.similarQuestions()).containsExactly("a", "b");
        assertThat(c.answerHtml()).isEqualTo("<p>ok</p>");
        assertThat(c.products()).containsExactly("DEBIT_CARD");
        assertThat(c.channels()).containsExactly("WEB", "AGENT");
        assertThat(c.owner()).isEqualTo("quality1");
    }

    @Test
    void everyBrokenFieldIsNamedWithThePrefix() {
        assertThatThrownBy(() -> EntryRules.check(new EntryInput("NOTE", "de", "X", "", List.of("q".repeat(501)), "<img src=x>",
                List.of("bad code!"), List.of(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), "Not a login"), "rows[4].", "a",
                code -> false)).isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldValidationException.FieldError::field).containsExactly("rows[4].kind", "rows[4].language",
                        "rows[4].question", "rows[4].similarQuestions", "rows[4].answerHtml", "rows[4].category", "rows[4].products",
                        "rows[4].channels", "rows[4].validUntil", "rows[4].owner"));
    }
}
