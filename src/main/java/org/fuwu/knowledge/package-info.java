/**
 * The knowledge base (知识库) and its retrieval (issue 6, sections 1 and 2): FAQ entries and articles in zh-CN and
 * en with similar questions, a sanitised rich-text answer, a category, products, channels, validity dates and an
 * owner; the editorial workflow (draft, review, publish) with versions and rollback; import and export as CSV,
 * JSON and XLSX; helpful marks and usage counts; and BM25 retrieval over a Lucene index with a bank-term synonym
 * dictionary, fuzzy matching of English typos and language detection.
 *
 * <p>Other modules use {@link org.fuwu.knowledge.KnowledgeSearch} and listen to
 * {@link org.fuwu.knowledge.KnowledgeEntryPublished} and {@link org.fuwu.knowledge.KnowledgeEntryWithdrawn}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge", allowedDependencies = {"platform"})
package org.fuwu.knowledge;
