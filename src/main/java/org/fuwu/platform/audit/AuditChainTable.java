package org.fuwu.platform.audit;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain's two tables, as every writer of the chain uses them (an inline record, the deferred
 * chainer): lock the head, link records after it, move it.
 */
final class AuditChainTable {

    /** The chain head: the last record's sequence number and hash. */
    record Head(long seq, String hash) {
    }

    private AuditChainTable() {
    }

    /** Locks the head until the transaction ends, so one writer at a time extends the chain. */
    static Head lockHead(JdbcClient jdbc) {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /**
     * Stores a record as number {@code seq} after the record of hash {@code prev}, its own hash over
     * {@code prev} and its fields; returns that hash.
     */
    static String link(JdbcClient jdbc, long seq, String prev, AuditRow fields) {
        AuditRow row = new AuditRow(seq, AuditChain.normalise(fields.occurredAt()), fields.actor(), fields.origin(),
                fields.action(), fields.target(), fields.outcome(), fields.details(), prev, null);
        String hash = AuditChain.hash(prev, row);
        jdbc.sql("""
                insert into audit_record (seq, occurred_at, actor, origin, action, target, outcome, details, prev_hash, hash)
                values (:seq, :at, :actor, :origin, :action, :target, :outcome, :details, :prev, :hash)""")
                .param("seq", seq).param("at", Timestamp.from(row.occurredAt())).param("actor", row.actor())
                .param("origin", row.origin()).param("action", row.action()).param("target", row.target())
                .param("outcome", row.outcome()).param("details", row.details()).param("prev", prev)
                .param("hash", hash).update();
        return hash;
    }

    static void moveHead(JdbcClient jdbc, long seq, String hash) {
        jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", seq).param("hash", hash).update();
    }
}
