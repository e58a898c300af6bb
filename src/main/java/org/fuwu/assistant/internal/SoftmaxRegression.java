package org.fuwu.assistant.internal;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleConsumer;

/**
 * Multinomial logistic regression with L2 regularisation, trained by mini-batch gradient descent with Adam on
 * standardised features (each feature's mean and spread from the training set, kept for prediction).
 * Plain Java: a few hundred features and a hundred intents train in seconds.
 */
public final class SoftmaxRegression {

    /** How it trains: epochs, batch size, Adam's step, the L2 weight and the seed that shuffles the batches. */
    public record Settings(int epochs, int batch, double learningRate, double l2, long seed) {
        public static Settings defaults() {
            return new Settings(20, 32, 0.001, 1e-3, 42);
        }
    }

    private final double[][] w; // [class][feature], the last feature is the bias
    private final int classes;
    private final int features;
    private final float[] mean;
    private final float[] scale;

    private SoftmaxRegression(double[][] w, float[] mean, float[] scale) {
        this.w = w;
        this.mean = mean;
        this.scale = scale;
        this.classes = w.length;
        this.features = w[0].length - 1;
    }

    /** @param progress receives the share of training done, 0 to 1 (may be null) */
    public static SoftmaxRegression train(List<float[]> raw, int[] y, int classes, Settings s, DoubleConsumer progress) {
        int n = raw.size();
        int d = raw.get(0).length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (float[] v : raw) {
            for (int f = 0; f < d; f++) {
                mean[f] += v[f] / n;
            }
        }
        for (float[] v : raw) {
            for (int f = 0; f < d; f++) {
                scale[f] += (v[f] - mean[f]) * (v[f] - mean[f]) / n;
            }
        }
        for (int f = 0; f < d; f++) {
            scale[f] = scale[f] > 1e-12 ? (float) (1 / Math.sqrt(scale[f])) : 1f;
        }
        List<float[]> x = new java.util.ArrayList<>(n);
        for (float[] v : raw) {
            x.add(standardise(v, mean, scale));
        }
        double[][] w = new double[classes][d + 1];
        double[][] m = new double[classes][d + 1];
        double[][] v = new double[classes][d + 1];
        double[][] g = new double[classes][d + 1];
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(s.seed());
        double[] logits = new double[classes];
        long t = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int start = 0; start < n; start += s.batch()) {
                int end = Math.min(n, start + s.batch());
                for (double[] row : g) {
                    java.util.Arrays.fill(row, 0);
                }
                for (int bi = start; bi < end; bi++) {
                    float[] xi = x.get(order[bi]);
                    softmax(w, xi, logits);
                    logits[y[order[bi]]] -= 1; // gradient of the cross-entropy w.r.t. the logits
                    for (int c = 0; c < classes; c++) {
                        double e = logits[c];
                        if (e == 0) {
                            continue;
                        }
                        double[] gc = g[c];
                        for (int f = 0; f < d; f++) {
                            gc[f] += e * xi[f];
                        }
                        gc[d] += e;
                    }
                }
                double inv = 1.0 / (end - start);
                t++;
                double c1 = 1 - Math.pow(b1, t);
                double c2 = 1 - Math.pow(b2, t);
                for (int c = 0; c < classes; c++) {
                    double[] wc = w[c];
                    double[] gc = g[c];
                    double[] mc = m[c];
                    double[] vc = v[c];
                    for (int f = 0; f <= d; f++) {
                        double grad = gc[f] * inv + (f < d ? s.l2() * wc[f] : 0);
                        mc[f] = b1 * mc[f] + (1 - b1) * grad;
                        vc[f] = b2 * vc[f] + (1 - b2) * grad * grad;
                        wc[f] -= s.learningRate() * (mc[f] / c1) / (Math.sqrt(vc[f] / c2) + eps);
                    }
                }
            }
            if (progress != null) {
                progress.accept((epoch + 1) / (double) s.epochs());
            }
        }
        return new SoftmaxRegression(w, mean, scale);
    }

    public double[] probabilities(float[] x) {
        double[] p = new double[classes];
        softmax(w, standardise(x, mean, scale), p);
        return p;
    }

    private static float[] standardise(float[] v, float[] mean, float[] scale) {
        float[] out = new float[v.length];
        for (int f = 0; f < v.length; f++) {
            out[f] = (v[f] - mean[f]) * scale[f];
        }
        return out;
    }

    public int features() {
        return features;
    }

    private static void softmax(double[][] w, float[] x, double[] out) {
        int d = x.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double[] wc = w[c];
            double z = wc[wc.length - 1];
            for (int f = 0; f < d; f++) {
                z += wc[f] * x[f];
            }
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < w.length; c++) {
            out[c] /= sum;
        }
    }
}
