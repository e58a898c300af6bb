package org.fuwu.assistant.internal;

import java.time.Instant;
import java.util.Map;

/**
 * A trained model: one classifier per language (examples are grouped by {@link LanguagePolicy}, as the
 * embedder chooses its model), the handoff policy calibrated at training, and when and from what it was trained.
 */
public record IntentModel(Map<LanguagePolicy.Language, IntentClassifier> classifiers, HandoffPolicy handoff,
        int intents, int examples, Instant trainedAt) {
}
