package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Small synthetic data: three intents whose "embeddings" are noisy copies of three directions. */
class IntentClassifierTest {

    private static final String[] INTENTS = {"balance", "card_lost", "transfer_limit"};
    private static final String[][] TEXTS = {
        {"what is my balance", "how much money do I have", "show my account balance", "余额多少", "查询余额"},
        {"I lost my card", "my card was stolen", "card missing please freeze", "我的卡丢了", "银行卡被偷了"},
        {"what is the transfer limit", "how much can I transfer a day", "daily transfer limit", "转账限额是多少", "每天能转多少钱"},
    };

    private final Random random = new Random(7);

    private float[] vector(int intent) {
        float[] v = new float[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.25);
        }
        v[intent] += 1;
        return Vectors.normalise(v);
    }

    private IntentClassifier train(boolean dense) {
        List<String> texts = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int c = 0; c < INTENTS.length; c++) {
            for (String t : TEXTS[c]) {
                texts.add(t);
                intents.add(INTENTS[c]);
                vectors.add(vector(c));
            }
        }
        return IntentClassifier.train(texts, intents, dense ? vectors : null,
                IntentClassifier.Settings.defaults().withKnnK(3), null);
    }

    @Test
    void classifiesByMeaningWithAConfidenceAndAMargin() {
        IntentClassifier model = train(true);
        for (int c = 0; c < INTENTS.length; c++) {
            Prediction p = model.classify("something unseen", vector(c));
            assertThat(p.intent()).isEqualTo(INTENTS[c]);
            assertThat(p.confidence()).isBetween(0.0, 1.0).isGreaterThan(0.5);
            assertThat(p.margin()).isEqualTo(p.confidence() - p.top().get(1).score());
            assertThat(p.top().stream().mapToDouble(Prediction.Scored::score).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
        }
    }

    @Test
    void wordsDecideWithoutEmbeddings() {
        IntentClassifier model = train(false);
        assertThat(model.classify("my debit card is lost", null).intent()).isEqualTo("card_lost");
        assertThat(model.classify("卡丢了怎么办", null).intent()).isEqualTo("card_lost");
        assertThat(model.classify("余额还有多少", null).intent()).isEqualTo("balance");
        assertThat(model.classify("transfer limit per day", null).intent()).isEqualTo("transfer_limit");
    }

    @Test
    void aTextSharingNothingIsNotConfident() {
        IntentClassifier model = train(false);
        Prediction p = model.classify("zebra", null);
        assertThat(p.confidence()).isLessThan(0.5);
        assertThat(p.margin()).isEqualTo(0.0);
    }

    @Test
    void theWeightsMatter() {
        IntentClassifier model = train(true);
        // words say card_lost, the vector says balance: each member alone decides its way
        IntentClassifier.Votes votes = model.votes("my card was stolen", vector(0));
        assertThat(model.combine(votes, new IntentClassifier.Weights(0, 0, 1)).intent()).isEqualTo("card_lost");
        assertThat(model.combine(votes, new IntentClassifier.Weights(1, 0, 0)).intent()).isEqualTo("balance");
        assertThat(model.combine(votes, new IntentClassifier.Weights(0, 1, 0)).intent()).isEqualTo("balance");
    }

    @Test
    void refusesMismatchedInput() {
        assertThatThrownBy(() -> IntentClassifier.train(List.of("a"), List.of(), null, IntentClassifier.Settings.defaults(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntentClassifier.train(List.of(), List.of(), null, IntentClassifier.Settings.defaults(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
