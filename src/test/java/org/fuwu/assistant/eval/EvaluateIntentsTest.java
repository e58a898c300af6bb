package org.fuwu.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluateIntentsTest {

    @Test
    void readsQuotedCsv() throws Exception {
        var rows = IntentCsv.read(new StringReader("\uFEFFtext,category\n\"I lost my card, help\",card_lost\r\n余额多少,balance\n\"say \"\"hi\"\"\",greet\n"));
        assertThat(rows).containsExactly(new IntentCsv.Row("I lost my card, help", "card_lost"),
                new IntentCsv.Row("余额多少", "balance"), new IntentCsv.Row("say \"hi\"", "greet"));
    }

    @Test
    void refusesAFileWithoutTheColumns() {
        assertThatThrownBy(() -> IntentCsv.read(new StringReader("question,answer\na,b\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text and category");
        assertThatThrownBy(() -> IntentCsv.read(new StringReader("text,category\n,b\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void foldsAreStratifiedDisjointAndSeeded() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            labels.add(i < 30 ? "a" : "b");
        }
        int[][] folds = EvaluateIntents.stratifiedFolds(labels, 5, 1);
        assertThat(Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray())
                .containsExactly(java.util.stream.IntStream.range(0, 50).toArray());
        for (int[] f : folds) {
            assertThat(Arrays.stream(f).filter(i -> labels.get(i).equals("a")).count()).isEqualTo(6);
            assertThat(Arrays.stream(f).filter(i -> labels.get(i).equals("b")).count()).isEqualTo(4);
        }
        assertThat(EvaluateIntents.stratifiedFolds(labels, 5, 1)).isDeepEqualTo(folds);
        assertThat(Arrays.deepEquals(EvaluateIntents.stratifiedFolds(labels, 5, 2), folds)).isFalse();
    }
}
