package org.fuwu.assistant.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fuwu.assistant.internal.BgeEmbedder;
import org.fuwu.assistant.internal.IntentClassifier;
import org.fuwu.assistant.internal.IntentMetrics;
import org.fuwu.assistant.internal.KnnVoter;
import org.fuwu.assistant.internal.Prediction;
import org.fuwu.assistant.internal.ThresholdCalibration;
import org.fuwu.platform.Embedder;

/**
 * The intent evaluation harness (issue 6, section 7). Loads a CSV {@code text,category}; either trains on one
 * file and tests on another ({@code --test}), or runs stratified, seeded k-fold cross-validation. Within every
 * training set an inner 80/20 split chooses kNN's k and the ensemble weights and calibrates the handoff
 * thresholds, so the test fold is never used for tuning. Reports accuracy, macro-F1, coverage and precision of
 * answered questions at the calibrated thresholds, the members' accuracies, time per fold and the most-confused
 * pairs. {@code --latency N} also times N single questions (embed + classify) against a model of all examples.
 *
 * <pre>
 * java -cp … org.fuwu.assistant.eval.EvaluateIntents --train data.csv [--test other.csv] [--folds 5] [--seed 42]
 *      [--precision 0.97] [--cache target/embeddings] [--no-embeddings] [--latency 300]
 * </pre>
 */
public final class EvaluateIntents {

    static final int[] KS = {3, 5, 10, 20};

    record Options(Path train, Path test, int folds, long seed, double precision, boolean embeddings, Path cache,
            int latency) {
    }

    record Data(List<String> texts, List<String> labels, List<float[]> vectors) {
        Data subset(int[] idx) {
            List<String> t = new ArrayList<>();
            List<String> l = new ArrayList<>();
            List<float[]> v = vectors == null ? null : new ArrayList<>();
            for (int i : idx) {
                t.add(texts.get(i));
                l.add(labels.get(i));
                if (v != null) {
                    v.add(vectors.get(i));
                }
            }
            return new Data(t, l, v);
        }

        int size() {
            return texts.size();
        }
    }

    /** What the inner split chose. */
    record Tuned(IntentClassifier.Settings settings, ThresholdCalibration.Effect calibration, double innerAccuracy) {
    }

    /** The result on one test set. */
    record Result(List<String> truth, List<String> predicted, List<ThresholdCalibration.Outcome> outcomes,
            Map<String, Double> members, Tuned tuned, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            BgeEmbedder embedder = new BgeEmbedder(pool);
            Data train = load(o.train(), o, embedder);
            System.out.printf(Locale.ROOT, "machine: %d processors available to the JVM, %s %s, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"));
            if (o.test() != null) {
                Data test = load(o.test(), o, embedder);
                Result r = trainAndTest(train, test, o);
                report(List.of(r), o);
            } else {
                List<Result> results = new ArrayList<>();
                int[][] folds = stratifiedFolds(train.labels(), o.folds(), o.seed());
                for (int f = 0; f < folds.length; f++) {
                    int[] testIdx = folds[f];
                    int[] trainIdx = complement(train.size(), testIdx);
                    Result r = trainAndTest(train.subset(trainIdx), train.subset(testIdx), o);
                    results.add(r);
                    System.out.printf(Locale.ROOT,
                            "fold %d: accuracy %.4f, macro-F1 %.4f, coverage %.4f at precision %.4f "
                                    + "(thresholds confidence %.2f, margin %.2f), members %s, k %d, weights %s, %.1f s%n",
                            f + 1, IntentMetrics.accuracy(r.truth(), r.predicted()),
                            IntentMetrics.macroF1(r.truth(), r.predicted()), effect(r).coverage(), effect(r).precision(),
                            r.tuned().calibration().thresholds().minConfidence(),
                            r.tuned().calibration().thresholds().minMargin(), fmt(r.members()),
                            r.tuned().settings().knnK(), r.tuned().settings().weights(), r.seconds());
                }
                report(results, o);
            }
            if (o.latency() > 0) {
                latency(train, o, embedder);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Result trainAndTest(Data train, Data test, Options o) {
        long start = System.nanoTime();
        Tuned tuned = tune(train, o);
        IntentClassifier model = IntentClassifier.train(train.texts(), train.labels(), train.vectors(), tuned.settings(), null);
        List<String> predicted = new ArrayList<>();
        List<ThresholdCalibration.Outcome> outcomes = new ArrayList<>();
        Map<String, int[]> memberRight = new LinkedHashMap<>();
        List<String> intents = model.intents();
        for (int i = 0; i < test.size(); i++) {
            float[] v = test.vectors() == null ? null : test.vectors().get(i);
            IntentClassifier.Votes votes = model.votes(test.texts().get(i), v);
            Prediction p = model.combine(votes, tuned.settings().weights());
            predicted.add(p.intent());
            outcomes.add(new ThresholdCalibration.Outcome(p.confidence(), p.margin(), test.labels().get(i).equals(p.intent())));
            count(memberRight, "regression", votes.regression(), intents, test.labels().get(i));
            count(memberRight, "knn", votes.knn(), intents, test.labels().get(i));
            count(memberRight, "bm25", votes.bm25(), intents, test.labels().get(i));
        }
        Map<String, Double> members = new LinkedHashMap<>();
        memberRight.forEach((k, v) -> members.put(k, v[0] / (double) test.size()));
        return new Result(test.labels(), predicted, outcomes, members, tuned, (System.nanoTime() - start) / 1e9);
    }

    private static void count(Map<String, int[]> right, String member, double[] p, List<String> intents, String truth) {
        if (p == null) {
            return;
        }
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        right.computeIfAbsent(member, x -> new int[1])[0] += intents.get(best).equals(truth) ? 1 : 0;
    }

    /** Inner stratified 80/20 split of the training set: choose k and the weights, then calibrate thresholds. */
    static Tuned tune(Data train, Options o) {
        int[][] inner = stratifiedFolds(train.labels(), 5, o.seed() + 1);
        int[] valIdx = inner[0];
        Data fit = train.subset(complement(train.size(), valIdx));
        Data val = train.subset(valIdx);
        IntentClassifier.Settings base = IntentClassifier.Settings.defaults();
        IntentClassifier model = IntentClassifier.train(fit.texts(), fit.labels(), fit.vectors(), base, null);
        List<String> intents = model.intents();
        List<IntentClassifier.Votes> votes = new ArrayList<>();
        for (int i = 0; i < val.size(); i++) {
            votes.add(model.votes(val.texts().get(i), val.vectors() == null ? null : val.vectors().get(i)));
        }
        int[] y = new int[fit.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = intents.indexOf(fit.labels().get(i));
        }
        List<IntentClassifier.Weights> grid = new ArrayList<>();
        if (fit.vectors() == null) {
            grid.add(new IntentClassifier.Weights(0, 0, 1));
        } else {
            for (int r = 0; r <= 10; r++) {
                for (int k = 0; k + r <= 10; k++) {
                    if (r + k + (10 - r - k) > 0) {
                        grid.add(new IntentClassifier.Weights(r / 10.0, k / 10.0, (10 - r - k) / 10.0));
                    }
                }
            }
        }
        double bestAcc = -1;
        IntentClassifier.Settings best = base;
        List<IntentClassifier.Votes> bestVotes = votes;
        for (int k : fit.vectors() == null ? new int[] {base.knnK()} : KS) {
            List<IntentClassifier.Votes> kv = votes;
            if (fit.vectors() != null && k != base.knnK()) {
                KnnVoter knn = new KnnVoter(fit.vectors(), y, intents.size(), k, base.knnTemperature());
                kv = new ArrayList<>();
                for (int i = 0; i < val.size(); i++) {
                    IntentClassifier.Votes v = votes.get(i);
                    kv.add(new IntentClassifier.Votes(v.regression(), knn.scores(val.vectors().get(i)), v.bm25()));
                }
            }
            for (IntentClassifier.Weights w : grid) {
                int right = 0;
                for (int i = 0; i < val.size(); i++) {
                    if (val.labels().get(i).equals(model.combine(kv.get(i), w).intent())) {
                        right++;
                    }
                }
                double acc = right / (double) val.size();
                if (acc > bestAcc + 1e-12) {
                    bestAcc = acc;
                    best = base.withKnnK(k).with(w);
                    bestVotes = kv;
                }
            }
        }
        List<ThresholdCalibration.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < val.size(); i++) {
            Prediction p = model.combine(bestVotes.get(i), best.weights());
            outcomes.add(new ThresholdCalibration.Outcome(p.confidence(), p.margin(), val.labels().get(i).equals(p.intent())));
        }
        return new Tuned(best, ThresholdCalibration.calibrate(outcomes, o.precision()), bestAcc);
    }

    static ThresholdCalibration.Effect effect(Result r) {
        return ThresholdCalibration.effect(r.outcomes(), r.tuned().calibration().thresholds());
    }

    static void report(List<Result> results, Options o) {
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        int answered = 0;
        int answeredRight = 0;
        int total = 0;
        double seconds = 0;
        double[] acc = new double[results.size()];
        double[] f1 = new double[results.size()];
        Map<String, Double> members = new TreeMap<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            truth.addAll(r.truth());
            predicted.addAll(r.predicted());
            acc[i] = IntentMetrics.accuracy(r.truth(), r.predicted());
            f1[i] = IntentMetrics.macroF1(r.truth(), r.predicted());
            ThresholdCalibration.Effect e = effect(r);
            answered += e.answered();
            answeredRight += (int) Math.round(e.precision() * e.answered());
            total += e.total();
            seconds += r.seconds();
            r.members().forEach((k, v) -> members.merge(k, v / results.size(), Double::sum));
        }
        System.out.println("== summary ==");
        System.out.printf(Locale.ROOT, "examples tested: %d, intents: %d%n", truth.size(), new java.util.HashSet<>(truth).size());
        System.out.printf(Locale.ROOT, "accuracy: %.4f (per fold %s, sd %.4f)%n", mean(acc), fmt(acc), sd(acc));
        System.out.printf(Locale.ROOT, "macro-F1: %.4f (per fold %s)%n", mean(f1), fmt(f1));
        System.out.printf(Locale.ROOT, "members alone (mean accuracy): %s%n", fmt(members));
        System.out.printf(Locale.ROOT, "handoff thresholds calibrated on inner held-out splits for precision >= %.2f:%n", o.precision());
        System.out.printf(Locale.ROOT, "  coverage %.4f (%d of %d answered), precision of answered %.4f%n",
                answered / (double) total, answered, total, answered == 0 ? 0 : answeredRight / (double) answered);
        for (Result r : results) {
            ThresholdCalibration.Effect inner = r.tuned().calibration();
            System.out.printf(Locale.ROOT, "  thresholds confidence >= %.2f, margin >= %.2f (inner: coverage %.4f, precision %.4f; inner accuracy %.4f)%n",
                    inner.thresholds().minConfidence(), inner.thresholds().minMargin(), inner.coverage(), inner.precision(),
                    r.tuned().innerAccuracy());
        }
        System.out.printf(Locale.ROOT, "time: %.1f s in all, %.1f s per fold (tuning, training, testing)%n", seconds,
                seconds / results.size());
        System.out.println("most-confused pairs:");
        for (IntentMetrics.Confusion c : IntentMetrics.mostConfused(truth, predicted, 10)) {
            System.out.printf(Locale.ROOT, "  %4d  %s <-> %s%n", c.count(), c.a(), c.b());
        }
    }

    static void latency(Data all, Options o, Embedder embedder) {
        Tuned tuned = tune(all, o);
        IntentClassifier model = IntentClassifier.train(all.texts(), all.labels(), all.vectors(), tuned.settings(), null);
        Random random = new Random(o.seed());
        int warm = Math.min(50, o.latency());
        double[] ms = new double[o.latency()];
        for (int i = -warm; i < o.latency(); i++) {
            String q = all.texts().get(random.nextInt(all.size()));
            long start = System.nanoTime();
            float[] v = o.embeddings() ? embedder.embed(q).values() : null;
            model.classify(q, v);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "latency of one question (embed + classify) with %d examples loaded, %d runs: "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", all.size(), ms.length,
                ms[(int) (ms.length * 0.50)], ms[(int) (ms.length * 0.95)], ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))],
                ms[ms.length - 1]);
    }

    static Data load(Path file, Options o, Embedder embedder) throws IOException {
        List<IntentCsv.Row> rows;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = IntentCsv.read(reader);
        }
        List<String> texts = rows.stream().map(IntentCsv.Row::text).toList();
        List<String> labels = rows.stream().map(IntentCsv.Row::category).toList();
        System.out.printf(Locale.ROOT, "%s: %d examples, %d intents%n", file, rows.size(), new java.util.HashSet<>(labels).size());
        if (!o.embeddings()) {
            return new Data(texts, labels, null);
        }
        return new Data(texts, labels, embed(texts, embedder, o.cache()));
    }

    /** Embeds every text once; vectors are kept in {@code cache/<hash>.bin} so a second run does not pay again. */
    static List<float[]> embed(List<String> texts, Embedder embedder, Path cacheDir) throws IOException {
        Map<String, float[]> cache = new HashMap<>();
        Path cacheFile = cacheDir == null ? null : cacheDir.resolve("vectors-" + Integer.toHexString(String.join("\n", texts).hashCode()) + ".bin");
        if (cacheFile != null && Files.exists(cacheFile)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(cacheFile)); DataInputStream d = new DataInputStream(in)) {
                int n = d.readInt();
                for (int i = 0; i < n; i++) {
                    String t = d.readUTF();
                    float[] v = new float[d.readInt()];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = d.readFloat();
                    }
                    cache.put(t, v);
                }
            }
        }
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            long start = System.nanoTime();
            int batch = 64;
            for (int i = 0; i < missing.size(); i += batch) {
                List<String> part = missing.subList(i, Math.min(missing.size(), i + batch));
                List<Embedder.Vector> vs = embedder.embedAll(part);
                for (int j = 0; j < part.size(); j++) {
                    cache.put(part.get(j), vs.get(j).values());
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "embedded %d texts in %.1f s (%.2f ms per text, batches of %d, first batch includes loading the model)%n",
                    missing.size(), s, s * 1000 / missing.size(), batch);
            if (cacheFile != null) {
                Files.createDirectories(cacheDir);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(cacheFile)); DataOutputStream d = new DataOutputStream(out)) {
                    d.writeInt(cache.size());
                    for (var e : cache.entrySet()) {
                        d.writeUTF(e.getKey());
                        d.writeInt(e.getValue().length);
                        for (float x : e.getValue()) {
                            d.writeFloat(x);
                        }
                    }
                }
            }
        } else {
            System.out.printf(Locale.ROOT, "vectors of %d texts read from %s%n", texts.size(), cacheFile);
        }
        return texts.stream().map(cache::get).toList();
    }

    /** Stratified folds: each intent's examples are shuffled with the seed and dealt round-robin. */
    static int[][] stratifiedFolds(List<String> labels, int k, long seed) {
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.computeIfAbsent(labels.get(i), x -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> idx : byLabel.values()) {
            java.util.Collections.shuffle(idx, random);
            for (int i : idx) {
                folds.get(next++ % k).add(i);
            }
        }
        return folds.stream().map(f -> f.stream().mapToInt(Integer::intValue).sorted().toArray()).toArray(int[][]::new);
    }

    static int[] complement(int n, int[] excluded) {
        boolean[] out = new boolean[n];
        for (int i : excluded) {
            out[i] = true;
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> !out[i]).toArray();
    }

    static Options parse(String[] args) {
        Path train = null;
        Path test = null;
        int folds = 5;
        long seed = 42;
        double precision = 0.97;
        boolean embeddings = true;
        Path cache = Path.of("target", "embeddings");
        int latency = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train = Path.of(args[++i]);
                case "--test" -> test = Path.of(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--precision" -> precision = Double.parseDouble(args[++i]);
                case "--no-embeddings" -> embeddings = false;
                case "--cache" -> cache = Path.of(args[++i]);
                case "--no-cache" -> cache = null;
                case "--latency" -> latency = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (train == null) {
            throw new IllegalArgumentException("--train FILE is required");
        }
        return new Options(train, test, folds, seed, precision, embeddings, cache, latency);
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(0);
    }

    private static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / Math.max(1, x.length - 1));
    }

    private static String fmt(double[] x) {
        StringBuilder b = new StringBuilder();
        for (double v : x) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
        }
        return b.toString();
    }

    private static String fmt(Map<String, Double> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%.4f", v)));
        return b.toString();
    }
}
