package org.fuwu.assistant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

/**
 * The intent classifier: an ensemble of (a) kNN over embeddings, (b) multinomial logistic regression over the
 * embeddings and (c) a BM25 nearest-neighbour vote. Each member gives a probability distribution over the
 * intents; the ensemble is their weighted mean (weights chosen on held-out examples, never the test set), so
 * the confidence is in [0,1]. Without embeddings (no vectors given) only the BM25 vote counts.
 */
public final class IntentClassifier {

    /** The members' settings and weights. */
    public record Settings(int knnK, double knnTemperature, int bm25K, double bm25Temperature,
            SoftmaxRegression.Settings regression, Weights weights) {

        public static Settings defaults() {
            return new Settings(10, 0.05, 10, 0.15, SoftmaxRegression.Settings.defaults(), Weights.defaults());
        }

        public Settings with(Weights w) {
            return new Settings(knnK, knnTemperature, bm25K, bm25Temperature, regression, w);
        }

        public Settings withKnnK(int k) {
            return new Settings(k, knnTemperature, bm25K, bm25Temperature, regression, weights);
        }
    }

    /** The weights of logistic regression, embedding kNN and the BM25 vote in the mean. */
    public record Weights(double regression, double knn, double bm25) {
        public Weights {
            if (regression < 0 || knn < 0 || bm25 < 0 || regression + knn + bm25 <= 0) {
                throw new IllegalArgumentException("weights are >= 0 and not all 0");
            }
        }

        public static Weights defaults() {
            return new Weights(0.5, 0.35, 0.15);
        }
    }

    /** The members' distributions for one text, for choosing weights without retraining. */
    public record Votes(double[] regression, double[] knn, double[] bm25) {
    }

    private final String[] labels;
    private final Settings settings;
    private final SoftmaxRegression regression;
    private final KnnVoter knn;
    private final Bm25Voter bm25;
    private final int examples;

    private IntentClassifier(String[] labels, Settings settings, SoftmaxRegression regression, KnnVoter knn,
            Bm25Voter bm25, int examples) {
        this.labels = labels;
        this.settings = settings;
        this.regression = regression;
        this.knn = knn;
        this.bm25 = bm25;
        this.examples = examples;
    }

    /**
     * @param vectors one normalised embedding per text, all of the same model, or {@code null} for BM25 only
     * @param progress the share done, 0 to 1 (may be null)
     */
    public static IntentClassifier train(List<String> texts, List<String> intents, List<float[]> vectors,
            Settings settings, DoubleConsumer progress) {
        if (texts.size() != intents.size() || (vectors != null && vectors.size() != texts.size())) {
            throw new IllegalArgumentException("one intent (and vector) per text");
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("at least one example");
        }
        String[] labels = new TreeSet<>(intents).toArray(new String[0]);
        int[] y = new int[intents.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = java.util.Arrays.binarySearch(labels, intents.get(i));
        }
        Bm25Voter bm25 = new Bm25Voter(texts, y, labels.length, settings.bm25K(), settings.bm25Temperature());
        if (vectors == null) {
            if (progress != null) {
                progress.accept(1);
            }
            return new IntentClassifier(labels, settings, null, null, bm25, texts.size());
        }
        KnnVoter knn = new KnnVoter(vectors, y, labels.length, settings.knnK(), settings.knnTemperature());
        SoftmaxRegression regression = SoftmaxRegression.train(vectors, y, labels.length, settings.regression(), progress);
        return new IntentClassifier(labels, settings, regression, knn, bm25, texts.size());
    }

    public Prediction classify(String text, float[] vector) {
        return combine(votes(text, vector), settings.weights());
    }

    public Votes votes(String text, float[] vector) {
        boolean dense = vector != null && regression != null && vector.length == regression.features();
        return new Votes(dense ? regression.probabilities(vector) : null, dense ? knn.scores(vector) : null,
                bm25.scores(text));
    }

    public Prediction combine(Votes v, Weights w) {
        double[] p = new double[labels.length];
        double total = 0;
        total += add(p, v.regression(), w.regression());
        total += add(p, v.knn(), w.knn());
        total += add(p, v.bm25(), w.bm25());
        if (total > 0) {
            for (int c = 0; c < p.length; c++) {
                p[c] /= total;
            }
        }
        return Prediction.of(labels, p, 5);
    }

    private static double add(double[] p, double[] member, double weight) {
        if (member == null || weight == 0) {
            return 0;
        }
        for (int c = 0; c < p.length; c++) {
            p[c] += weight * member[c];
        }
        return weight;
    }

    public List<String> intents() {
        return new ArrayList<>(List.of(labels));
    }

    public int examples() {
        return examples;
    }

    public Settings settings() {
        return settings;
    }
}
