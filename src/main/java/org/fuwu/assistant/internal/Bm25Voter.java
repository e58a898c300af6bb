package org.fuwu.assistant.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 (k1 = 1.2, b = 0.75) over the example texts, then a nearest-neighbour vote like {@link KnnVoter}: the k
 * best-scoring examples vote for their intents with weight {@code exp((score / best - 1) / temperature)}.
 */
public final class Bm25Voter {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Map<String, List<int[]>> postings = new HashMap<>(); // term -> (doc, tf)
    private final double[] docLength;
    private final double avgLength;
    private final int[] labels;
    private final int classes;
    private final int k;
    private final double temperature;

    public Bm25Voter(List<String> texts, int[] labels, int classes, int k, double temperature) {
        this.labels = labels.clone();
        this.classes = classes;
        this.k = k;
        this.temperature = temperature;
        this.docLength = new double[texts.size()];
        double total = 0;
        for (int d = 0; d < texts.size(); d++) {
            List<String> terms = Tokens.of(texts.get(d));
            docLength[d] = terms.size();
            total += terms.size();
            Map<String, Integer> tf = new HashMap<>();
            for (String t : terms) {
                tf.merge(t, 1, Integer::sum);
            }
            for (var e : tf.entrySet()) {
                postings.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(new int[] {d, e.getValue()});
            }
        }
        this.avgLength = texts.isEmpty() ? 1 : Math.max(1, total / texts.size());
    }

    public double[] scores(String query) {
        int n = docLength.length;
        double[] s = new double[n];
        for (String t : new java.util.LinkedHashSet<>(Tokens.of(query))) {
            List<int[]> list = postings.get(t);
            if (list == null) {
                continue;
            }
            double idf = Math.log(1 + (n - list.size() + 0.5) / (list.size() + 0.5));
            for (int[] p : list) {
                double tf = p[1];
                s[p[0]] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * docLength[p[0]] / avgLength));
            }
        }
        int kk = Math.min(k, n);
        double[] best = new double[kk];
        int[] idx = new int[kk];
        java.util.Arrays.fill(idx, -1);
        for (int d = 0; d < n; d++) {
            if (s[d] > 0 && s[d] > best[kk - 1]) {
                int j = kk - 1;
                while (j > 0 && best[j - 1] < s[d]) {
                    best[j] = best[j - 1];
                    idx[j] = idx[j - 1];
                    j--;
                }
                best[j] = s[d];
                idx[j] = d;
            }
        }
        double[] p = new double[classes];
        if (kk == 0 || idx[0] < 0) {
            java.util.Arrays.fill(p, 1.0 / Math.max(1, classes)); // no shared term: no opinion
            return p;
        }
        double total = 0;
        for (int j = 0; j < kk; j++) {
            if (idx[j] < 0) {
                continue;
            }
            double w = Math.exp((best[j] / best[0] - 1) / temperature);
            p[labels[idx[j]]] += w;
            total += w;
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= total;
        }
        return p;
    }
}
