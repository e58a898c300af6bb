package org.fuwu.knowledge.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One way of finding entries for a question: the seam of the hybrid retrieval. The BM25 retriever
 * ({@link KnowledgeIndex}) is the first; a dense-embedding retriever (bge-small-zh/en through LangChain4j's
 * in-process ONNX models) is another implementation of this interface, and {@link RankFusion} merges their lists.
 * Every retriever applies the same filters: only live entries of the language, visible on the channel (when one is
 * named) and valid on the day.
 */
public interface CandidateRetriever {

    /**
     * What to look for.
     *
     * @param text the customer's words
     * @param language {@code zh} or {@code en}, already detected
     * @param channel a channel, or null for any
     * @param day the bank's today, for the validity dates
     * @param limit how many candidates to return at most
     */
    record Request(String text, String language, String channel, LocalDate day, int limit) {
    }

    String name();

    /** The candidates, best first. */
    List<Candidate> retrieve(Request request);
}
