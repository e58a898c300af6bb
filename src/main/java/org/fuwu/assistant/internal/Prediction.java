package org.fuwu.assistant.internal;

import java.util.List;

/**
 * What the classifier thinks a text means: the best intents with scores in [0,1] that sum to at most 1,
 * the top score as the confidence, and the margin between the top two.
 */
public record Prediction(List<Scored> top, double confidence, double margin) {

    public record Scored(String intent, double score) {
    }

    public Prediction {
        top = List.copyOf(top);
    }

    public String intent() {
        return top.isEmpty() ? null : top.get(0).intent();
    }

    static Prediction of(String[] labels, double[] p, int n) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<Scored> top = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(n, p.length); i++) {
            top.add(new Scored(labels[order[i]], clamp(p[order[i]])));
        }
        double c = p.length == 0 ? 0 : clamp(p[order[0]]);
        double second = p.length < 2 ? 0 : clamp(p[order[1]]);
        return new Prediction(top, c, c - second);
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
