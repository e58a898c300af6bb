package org.fuwu.knowledge;

/** A knowledge entry is no longer live: unpublished by a reviewer. */
public record KnowledgeEntryWithdrawn(long entryId) {
}
