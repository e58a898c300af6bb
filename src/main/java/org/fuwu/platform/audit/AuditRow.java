package org.fuwu.platform.audit;

import java.time.Instant;

/** One stored audit record, as the chain sees it. */
record AuditRow(long seq, Instant occurredAt, String actor, String origin, String action, String target, String outcome,
                String details, String prevHash, String hash) {
}
