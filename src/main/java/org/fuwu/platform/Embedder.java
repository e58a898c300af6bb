package org.fuwu.platform;

import java.util.List;

/**
 * Turns a text into a dense, L2-normalised vector, in process (nothing is downloaded at run time). The model
 * is chosen per text (Chinese or English), so only vectors of the same {@link Vector#model()} are comparable.
 * The assistant provides the implementation; the knowledge base can use the same bean for hybrid retrieval.
 */
public interface Embedder {

    /** A normalised embedding and the model that made it ({@code bge-small-zh-v1.5-q} or {@code bge-small-en-v1.5-q}). */
    record Vector(String model, float[] values) {
    }

    Vector embed(String text);

    /** Several texts at once: cheaper per text than one by one. */
    List<Vector> embedAll(List<String> texts);
}
