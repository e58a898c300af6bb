package org.fuwu.knowledge;

/** A version of a knowledge entry went live (a publication, or a rollback to an earlier text). */
public record KnowledgeEntryPublished(long entryId, int version, String language) {
}
