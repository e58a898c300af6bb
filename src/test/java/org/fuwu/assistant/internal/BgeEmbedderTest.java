package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fuwu.platform.Embedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The one test that loads the real bge-small models from the jars (about 5 s and 150 MB of heap on the
 * 2-core machine): meaning, not words, decides, in both languages.
 */
class BgeEmbedderTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final BgeEmbedder EMBEDDER = new BgeEmbedder(POOL);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void englishAndChineseVectorsAreNormalisedAndMeaningful() {
        List<Embedder.Vector> v = EMBEDDER.embedAll(List.of("I lost my card", "my debit card is missing",
                "what is the exchange rate of the euro", "我的卡丢了", "银行卡找不到了", "今天欧元汇率多少"));
        assertThat(v.get(0).model()).isEqualTo(BgeEmbedder.EN);
        assertThat(v.get(0).values()).hasSize(384);
        assertThat(v.get(3).model()).isEqualTo(BgeEmbedder.ZH);
        assertThat(v.get(3).values()).hasSize(512);
        assertThat(Vectors.dot(v.get(0).values(), v.get(0).values())).isCloseTo(1.0, within(1e-4));
        assertThat(Vectors.dot(v.get(0).values(), v.get(1).values())).isGreaterThan(Vectors.dot(v.get(0).values(), v.get(2).values()));
        assertThat(Vectors.dot(v.get(3).values(), v.get(4).values())).isGreaterThan(Vectors.dot(v.get(3).values(), v.get(5).values()));
        assertThat(Vectors.dot(EMBEDDER.embed("I lost my card").values(), v.get(0).values())).as("alone as in a batch").isCloseTo(1.0, within(1e-3));
    }
}
