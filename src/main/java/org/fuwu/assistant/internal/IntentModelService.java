package org.fuwu.assistant.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.fuwu.platform.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the current intent model and retrains it in the background (one thread) when the catalogue changes:
 * requests during a training coalesce into one more training. The previous model answers until the new one is
 * ready. Start-up is not blocked: the first training starts when the application is ready.
 */
@Service
public class IntentModelService {

    private static final Logger log = LoggerFactory.getLogger(IntentModelService.class);

    public enum Status { TRAINING, READY }

    /** What {@code GET /api/v1/assistant/model} shows. */
    public record State(Status status, int intents, int examples, Instant trainedAt, double progress) {
    }

    /** What {@code ask} answers. */
    public record Answer(String intent, double confidence, double margin, boolean handoff) {
    }

    private final IntentCatalogue catalogue;
    private final ObjectProvider<Embedder> embedder;
    private final AssistantProperties properties;
    private final Clock clock;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assistant-training");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<IntentModel> model = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean training = new AtomicBoolean();
    private volatile double progress;

    public IntentModelService(IntentCatalogue catalogue, ObjectProvider<Embedder> embedder, AssistantProperties properties,
            Clock clock) {
        this.catalogue = catalogue;
        this.embedder = embedder;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        retrain();
    }

    /** Asks for a retraining in the background; returns at once. */
    public void retrain() {
        pending.set(true);
        training.set(true);
        progress = 0;
        trainer.execute(this::drain);
    }

    private void drain() {
        try {
            while (pending.getAndSet(false)) {
                try {
                    model.set(train());
                } catch (RuntimeException e) {
                    log.warn("training the intent model failed: {}", e.toString());
                }
            }
        } finally {
            training.set(pending.get());
        }
    }

    public State state() {
        IntentModel m = model.get();
        boolean busy = training.get() || m == null;
        return new State(busy ? Status.TRAINING : Status.READY, m == null ? 0 : m.intents(), m == null ? 0 : m.examples(),
                m == null ? null : m.trainedAt(), busy ? progress : 1.0);
    }

    public Answer ask(String text, String language) {
        IntentModel m = model.get();
        if (m == null) {
            return new Answer(null, 0, 0, true);
        }
        LanguagePolicy.Language lang = LanguagePolicy.of(text, language);
        IntentClassifier c = m.classifiers().get(lang);
        if (c == null) {
            c = m.classifiers().values().stream().findFirst().orElse(null);
        }
        if (c == null) {
            return new Answer(null, 0, 0, true);
        }
        Embedder e = properties.embeddings() ? embedder.getIfAvailable() : null;
        float[] v = e == null ? null : e.embed(text).values();
        Prediction p = c.classify(text, v);
        return new Answer(p.intent(), p.confidence(), p.margin(), m.handoff().handoff(text, p));
    }

    IntentModel train() {
        long start = System.nanoTime();
        List<IntentCatalogue.Example> examples = catalogue.examples();
        Embedder e = properties.embeddings() ? embedder.getIfAvailable() : null;
        Map<LanguagePolicy.Language, List<IntentCatalogue.Example>> byLanguage = new EnumMap<>(LanguagePolicy.Language.class);
        for (IntentCatalogue.Example ex : examples) {
            byLanguage.computeIfAbsent(LanguagePolicy.of(ex.text()), x -> new ArrayList<>()).add(ex);
        }
        Map<LanguagePolicy.Language, IntentClassifier> classifiers = new EnumMap<>(LanguagePolicy.Language.class);
        List<ThresholdCalibration.Outcome> heldOut = new ArrayList<>();
        int done = 0;
        for (var entry : byLanguage.entrySet()) {
            List<String> texts = entry.getValue().stream().map(IntentCatalogue.Example::text).toList();
            List<String> labels = entry.getValue().stream().map(IntentCatalogue.Example::intent).toList();
            List<float[]> vectors = null;
            if (e != null) {
                vectors = new ArrayList<>();
                for (int i = 0; i < texts.size(); i += 32) {
                    for (Embedder.Vector v : e.embedAll(texts.subList(i, Math.min(texts.size(), i + 32)))) {
                        vectors.add(v.values());
                    }
                    progress = 0.6 * (done + Math.min(texts.size(), i + 32)) / Math.max(1, examples.size());
                }
            }
            heldOut.addAll(heldOutOutcomes(texts, labels, vectors));
            classifiers.put(entry.getKey(), IntentClassifier.train(texts, labels, vectors, IntentClassifier.Settings.defaults(), null));
            done += texts.size();
            progress = 0.6 + 0.4 * done / Math.max(1, examples.size());
        }
        ThresholdCalibration.Thresholds calibrated = heldOut.isEmpty() ? ThresholdCalibration.Thresholds.none()
                : ThresholdCalibration.calibrate(heldOut, properties.targetPrecision()).thresholds();
        ThresholdCalibration.Thresholds thresholds = new ThresholdCalibration.Thresholds(
                Math.max(properties.minConfidence(), calibrated.minConfidence()), Math.max(properties.minMargin(), calibrated.minMargin()));
        int intents = new HashSet<>(examples.stream().map(IntentCatalogue.Example::intent).toList()).size();
        log.info("intent model trained: {} intents, {} examples, thresholds {}, {} ms", intents, examples.size(), thresholds,
                (System.nanoTime() - start) / 1_000_000);
        return new IntentModel(classifiers, new HandoffPolicy(thresholds), intents, examples.size(), clock.instant());
    }

    /** Every fifth example of each intent held out, the rest trained on: the outcomes calibrate the thresholds. */
    static List<ThresholdCalibration.Outcome> heldOutOutcomes(List<String> texts, List<String> labels, List<float[]> vectors) {
        List<Integer> fit = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            int n = seen.merge(labels.get(i), 1, Integer::sum);
            (n % 5 == 0 ? held : fit).add(i);
        }
        if (held.isEmpty() || fit.isEmpty()) {
            return List.of();
        }
        IntentClassifier c = IntentClassifier.train(fit.stream().map(texts::get).toList(), fit.stream().map(labels::get).toList(),
                vectors == null ? null : fit.stream().map(vectors::get).toList(), IntentClassifier.Settings.defaults(), null);
        List<ThresholdCalibration.Outcome> out = new ArrayList<>();
        for (int i : held) {
            Prediction p = c.classify(texts.get(i), vectors == null ? null : vectors.get(i));
            out.add(new ThresholdCalibration.Outcome(p.confidence(), p.margin(), labels.get(i).equals(p.intent())));
        }
        return out;
    }
}
