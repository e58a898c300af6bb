package org.fuwu.knowledge.internal;

/**
 * One entry a retriever found, with that retriever's score.
 *
 * @param source the retriever's name ({@code bm25}; a dense retriever adds {@code dense})
 */
public record Candidate(long entryId, String language, String question, String snippet, double score, String source) {
}
