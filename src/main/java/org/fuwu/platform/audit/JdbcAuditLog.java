package org.fuwu.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.web.RequestOrigin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the chain under a row lock on its head, so that concurrent writers, in one process or
 * several, each extend the chain from the true last record.
 *
 * <p>With {@code fuwu.audit.chaining=deferred} a writer only inserts its record into
 * {@code audit_pending}, in its own transaction and without the head's lock, and {@link AuditChainer}
 * links committed records into the chain in batches a moment later. Inline chaining holds the head's
 * lock from the record to the commit, so audited writes of the whole bank commit one at a time (one
 * WAL flush each); deferred chaining lets them commit together, at the price of a short window (the
 * chainer's interval, 200 ms by default) in which a committed record is not yet chained.
 */
@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    private final boolean deferred;

    JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock,
                 @org.springframework.beans.factory.annotation.Value("${fuwu.audit.chaining:inline}") String chaining) {
        if (!"inline".equals(chaining) && !"deferred".equals(chaining)) {
            throw new IllegalStateException("fuwu.audit.chaining must be inline or deferred, not " + chaining);
        }
        this.deferred = "deferred".equals(chaining);
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void record(String action, String target, Outcome outcome, Map<String, String> details) {
        recordAs(CurrentStaff.auditName(), RequestOrigin.current(), action, target, outcome, details);
    }

    @Override
    public void recordAs(String actor, String origin, String action, String target, Outcome outcome, Map<String, String> details) {
        String detailJson = details == null || details.isEmpty() ? null : json.writeValueAsString(new TreeMap<>(details));
        Instant at = AuditChain.normalise(clock.instant());
        // a read-only transaction cannot take the record (PostgreSQL refuses the insert): write it in its own
        TransactionTemplate template = TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? ownTx : tx;
        if (deferred) {
            template.executeWithoutResult(status -> jdbc.sql("""
                    insert into audit_pending (occurred_at, actor, origin, action, target, outcome, details)
                    values (:at, :actor, :origin, :action, :target, :outcome, :details)""")
                    .param("at", java.sql.Timestamp.from(at)).param("actor", truncate(actor, 200))
                    .param("origin", truncate(origin, 100)).param("action", action).param("target", truncate(target, 300))
                    .param("outcome", outcome.name()).param("details", detailJson).update());
            return;
        }
        template.executeWithoutResult(status -> {
            AuditChainTable.Head head = AuditChainTable.lockHead(jdbc);
            long seq = head.seq() + 1;
            String hash = AuditChainTable.link(jdbc, seq, head.hash(), new AuditRow(0, at, truncate(actor, 200),
                    truncate(origin, 100), action, truncate(target, 300), outcome.name(), detailJson, null, null));
            AuditChainTable.moveHead(jdbc, seq, hash);
        });
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
