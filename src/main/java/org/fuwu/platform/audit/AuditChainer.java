package org.fuwu.platform.audit;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deferred chaining ({@code fuwu.audit.chaining=deferred}): every {@code fuwu.audit.chain-interval}
 * (200 ms by default) each instance takes the chain head's row lock, reads the committed records of
 * {@code audit_pending} in id order, links them into {@code audit_record} (sequence, previous hash,
 * hash, exactly as an inline write does), deletes them from the pending table and moves the head, all
 * in one transaction. Under the head's lock no two instances chain at once, and a record is either
 * still pending or chained, never both, never twice. A record committed while a batch ran waits for
 * the next batch; one whose id was taken before but committed after a batch is chained later, so
 * sequence order is chaining order. Pending records survive a crash (they committed with the change)
 * and are chained by whichever instance runs next.
 */
@Component
@ConditionalOnProperty(name = "fuwu.audit.chaining", havingValue = "deferred")
class AuditChainer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    /** Records linked in one transaction at most. */
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AuditChainer(JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    @Scheduled(fixedDelayString = "${fuwu.audit.chain-interval:200ms}")
    void scheduled() {
        try {
            while (chainPending() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            // the records stay pending and are chained by the next run; the message names no personal data
            log.warn("Chaining pending audit records failed, will retry: {}", e.toString());
        }
    }

    /** Links one batch of committed pending records into the chain; returns how many. */
    int chainPending() {
        Integer n = tx.execute(status -> {
            AuditChainTable.Head head = AuditChainTable.lockHead(jdbc);
            List<Object[]> pending = new ArrayList<>();
            jdbc.sql("select id, occurred_at, actor, origin, action, target, outcome, details from audit_pending"
                            + " order by id fetch first " + BATCH + " rows only")
                    .query(rs -> {
                        pending.add(new Object[] {rs.getLong(1), new AuditRow(0, rs.getTimestamp(2).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), null, null)});
                    });
            if (pending.isEmpty()) {
                return 0;
            }
            long seq = head.seq();
            String prev = head.hash();
            List<Long> ids = new ArrayList<>();
            for (Object[] p : pending) {
                seq++;
                prev = AuditChainTable.link(jdbc, seq, prev, (AuditRow) p[1]);
                ids.add((Long) p[0]);
            }
            int deleted = jdbc.sql("delete from audit_pending where id in (:ids)").param("ids", ids).update();
            if (deleted != ids.size()) {
                // another chainer took some of them: impossible under the head's lock; roll everything back
                throw new IllegalStateException("pending audit records changed while chaining");
            }
            AuditChainTable.moveHead(jdbc, seq, prev);
            return pending.size();
        });
        return n == null ? 0 : n;
    }

    /** How many committed records wait to be chained. */
    long pendingCount() {
        return jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
    }

    /** On a graceful shutdown, chains what is pending (a crash leaves it to the next instance). */
    @Override
    public void destroy() {
        try {
            while (chainPending() > 0) {
                // drain
            }
        } catch (RuntimeException e) {
            log.warn("Chaining pending audit records at shutdown failed; the next instance chains them: {}", e.toString());
        }
    }
}
