package org.fuwu.assistant.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assistant's settings ({@code fuwu.assistant.*}).
 *
 * @param embeddings whether to use the in-process bge-small models (off: the BM25 vote alone, e.g. in tests)
 * @param minConfidence the floor of the top-1 confidence under which the assistant hands off; the threshold
 *        calibrated on held-out examples at training is used when it is higher
 * @param minMargin the floor of the top-1/top-2 margin, likewise
 * @param targetPrecision the precision of answered questions that calibration aims at
 */
@ConfigurationProperties("fuwu.assistant")
public record AssistantProperties(Boolean embeddings, Double minConfidence, Double minMargin, Double targetPrecision) {

    public AssistantProperties {
        embeddings = embeddings == null || embeddings;
        minConfidence = minConfidence == null ? 0.3 : minConfidence;
        minMargin = minMargin == null ? 0.1 : minMargin;
        targetPrecision = targetPrecision == null ? 0.97 : targetPrecision;
    }
}
