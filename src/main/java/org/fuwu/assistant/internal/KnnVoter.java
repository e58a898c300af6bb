package org.fuwu.assistant.internal;

import java.util.List;

/**
 * k nearest examples by cosine (vectors are normalised, so a dot product), each voting for its intent with
 * weight {@code exp((sim - best) / temperature)}; the votes are normalised into a distribution over intents.
 */
public final class KnnVoter {

    private final float[][] vectors;
    private final int[] labels;
    private final int classes;
    private final int k;
    private final double temperature;

    public KnnVoter(List<float[]> vectors, int[] labels, int classes, int k, double temperature) {
        if (k < 1) {
            throw new IllegalArgumentException("k >= 1");
        }
        this.vectors = vectors.toArray(new float[0][]);
        this.labels = labels.clone();
        this.classes = classes;
        this.k = k;
        this.temperature = temperature;
    }

    public double[] scores(float[] query) {
        int n = vectors.length;
        int kk = Math.min(k, n);
        double[] bestSim = new double[kk];
        int[] bestIdx = new int[kk];
        java.util.Arrays.fill(bestSim, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(bestIdx, -1);
        for (int i = 0; i < n; i++) {
            double s = Vectors.dot(query, vectors[i]);
            if (s > bestSim[kk - 1]) {
                int j = kk - 1;
                while (j > 0 && bestSim[j - 1] < s) {
                    bestSim[j] = bestSim[j - 1];
                    bestIdx[j] = bestIdx[j - 1];
                    j--;
                }
                bestSim[j] = s;
                bestIdx[j] = i;
            }
        }
        double[] p = new double[classes];
        double total = 0;
        for (int j = 0; j < kk; j++) {
            if (bestIdx[j] < 0) {
                continue;
            }
            double w = Math.exp((bestSim[j] - bestSim[0]) / temperature);
            p[labels[bestIdx[j]]] += w;
            total += w;
        }
        if (total > 0) {
            for (int c = 0; c < classes; c++) {
                p[c] /= total;
            }
        }
        return p;
    }
}
