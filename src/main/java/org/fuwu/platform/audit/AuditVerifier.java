package org.fuwu.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain in order and names the first record that does not hold: a changed record (its
 * hash no longer matches), a deleted one (a gap in the sequence, or a broken link), or a cut tail
 * (the head names a record that is gone).
 */
@Component
class AuditVerifier {

    /** The verdict: valid with the number of records, or the first broken record and why. */
    record Verdict(boolean valid, long rows, Long firstBrokenSeq, String reason) {
    }

    private final JdbcClient jdbc;

    AuditVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Verdict verify() {
        AtomicReference<Verdict> broken = new AtomicReference<>();
        long[] state = {0L};
        String[] prev = {AuditChain.GENESIS};
        jdbc.sql("select seq, occurred_at, actor, origin, action, target, outcome, details, prev_hash, hash from audit_record order by seq")
                .query((ResultSet rs) -> {
                    if (broken.get() != null) {
                        return;
                    }
                    AuditRow row = read(rs);
                    long expected = state[0] + 1;
                    if (row.seq() != expected) {
                        broken.set(new Verdict(false, state[0], expected, "record " + expected + " is missing"));
                        return;
                    }
                    if (!row.prevHash().equals(prev[0])) {
                        broken.set(new Verdict(false, state[0], row.seq(), "record " + row.seq() + " does not link to its predecessor"));
                        return;
                    }
                    if (!AuditChain.hash(prev[0], row).equals(row.hash())) {
                        broken.set(new Verdict(false, state[0], row.seq(), "record " + row.seq() + " was changed"));
                        return;
                    }
                    state[0] = row.seq();
                    prev[0] = row.hash();
                });
        if (broken.get() != null) {
            return broken.get();
        }
        var head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long lastSeq = (Long) head[0];
        if (lastSeq != state[0] || !prev[0].equals(head[1])) {
            long first = Math.min(lastSeq, state[0] + 1);
            return new Verdict(false, state[0], first, "the chain ends at record " + state[0] + " but its head names record " + lastSeq);
        }
        return new Verdict(true, state[0], null, null);
    }

    private static AuditRow read(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("origin"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
                rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
