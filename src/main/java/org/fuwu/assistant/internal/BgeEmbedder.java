package org.fuwu.assistant.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.fuwu.platform.Embedder;

/**
 * bge-small-en-v1.5 and bge-small-zh-v1.5 (quantised ONNX, from the jars; nothing is downloaded), each loaded
 * on first use. The model is chosen per text by {@link LanguagePolicy}. Vectors are L2-normalised, so a dot
 * product is the cosine. No query prefix: intents compare question with question (a symmetric task).
 */
public final class BgeEmbedder implements Embedder {

    public static final String EN = "bge-small-en-v1.5-q";
    public static final String ZH = "bge-small-zh-v1.5-q";

    private final Lazy en;
    private final Lazy zh;

    public BgeEmbedder(Executor executor) {
        this.en = new Lazy(() -> new BgeSmallEnV15QuantizedEmbeddingModel(executor));
        this.zh = new Lazy(() -> new BgeSmallZhV15QuantizedEmbeddingModel(executor));
    }

    /** Loads both models now (for a background warm-up), so the first question does not pay for it. */
    public void warmUp() {
        en.get();
        zh.get();
    }

    @Override
    public Vector embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<Vector> embedAll(List<String> texts) {
        List<Vector> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(null);
        }
        List<Integer> zhIdx = new ArrayList<>();
        List<Integer> enIdx = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            (LanguagePolicy.of(texts.get(i)) == LanguagePolicy.Language.ZH ? zhIdx : enIdx).add(i);
        }
        fill(out, texts, zhIdx, zh, ZH);
        fill(out, texts, enIdx, en, EN);
        return out;
    }

    private static void fill(List<Vector> out, List<String> texts, List<Integer> idx, Lazy model, String name) {
        if (idx.isEmpty()) {
            return;
        }
        List<TextSegment> segments = idx.stream().map(i -> TextSegment.from(texts.get(i).isBlank() ? "?" : texts.get(i))).toList();
        var embeddings = model.get().embedAll(segments).content();
        for (int j = 0; j < idx.size(); j++) {
            out.set(idx.get(j), new Vector(name, Vectors.normalise(embeddings.get(j).vector())));
        }
    }

    private static final class Lazy {
        private final Supplier<EmbeddingModel> factory;
        private volatile EmbeddingModel model;

        Lazy(Supplier<EmbeddingModel> factory) {
            this.factory = factory;
        }

        EmbeddingModel get() {
            EmbeddingModel m = model;
            if (m == null) {
                synchronized (this) {
                    if (model == null) {
                        model = factory.get();
                    }
                    m = model;
                }
            }
            return m;
        }
    }
}
