package org.fuwu.assistant.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Accuracy, macro-F1 (over the true intents) and the most-confused pairs of a set of predictions. */
public final class IntentMetrics {

    /** Two intents mixed up {@code count} times, in either direction. */
    public record Confusion(String a, String b, int count) {
    }

    private IntentMetrics() {
    }

    public static double accuracy(List<String> truth, List<String> predicted) {
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(predicted.get(i))) {
                right++;
            }
        }
        return truth.isEmpty() ? 0 : right / (double) truth.size();
    }

    public static double macroF1(List<String> truth, List<String> predicted) {
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i);
            String p = predicted.get(i);
            counts.computeIfAbsent(t, x -> new int[3]);
            if (t.equals(p)) {
                counts.get(t)[0]++;
            } else {
                counts.get(t)[2]++;
                if (p != null) {
                    counts.computeIfAbsent(p, x -> new int[3])[1]++;
                }
            }
        }
        double sum = 0;
        int n = 0;
        for (String c : new TreeSet<>(truth)) {
            int[] k = counts.get(c);
            double precision = k[0] + k[1] == 0 ? 0 : k[0] / (double) (k[0] + k[1]);
            double recall = k[0] + k[2] == 0 ? 0 : k[0] / (double) (k[0] + k[2]);
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    public static List<Confusion> mostConfused(List<String> truth, List<String> predicted, int limit) {
        Map<List<String>, Integer> pairs = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i);
            String p = predicted.get(i);
            if (p != null && !t.equals(p)) {
                List<String> key = t.compareTo(p) < 0 ? List.of(t, p) : List.of(p, t);
                pairs.merge(key, 1, Integer::sum);
            }
        }
        List<Confusion> out = new ArrayList<>();
        pairs.forEach((k, v) -> out.add(new Confusion(k.get(0), k.get(1), v)));
        out.sort((x, y) -> y.count() != x.count() ? Integer.compare(y.count(), x.count())
                : (x.a() + x.b()).compareTo(y.a() + y.b()));
        return out.subList(0, Math.min(limit, out.size()));
    }
}
