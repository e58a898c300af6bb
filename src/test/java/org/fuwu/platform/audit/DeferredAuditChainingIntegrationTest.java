package org.fuwu.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deferred chaining ({@code fuwu.audit.chaining=deferred}): a record waits in {@code audit_pending}
 * until the chainer links it, every committed record is chained exactly once even with concurrent
 * writers and chainers, a rolled-back record never is, and the chain stays valid throughout. The
 * scheduled chainer is slowed to an hour so that the test drives it.
 */
@FuwuIntegrationTest
@TestPropertySource(properties = {"fuwu.audit.chaining=deferred", "fuwu.audit.chain-interval=1h"})
class DeferredAuditChainingIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChainer chainer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager txManager;

    private long chained(String targetPrefix) {
        return jdbc.sql("select count(*) from audit_record where target like :t").param("t", targetPrefix + "%")
                .query(Long.class).single();
    }

    private long pending(String targetPrefix) {
        return jdbc.sql("select count(*) from audit_pending where target like :t").param("t", targetPrefix + "%")
                .query(Long.class).single();
    }

    private void drain() {
        while (chainer.chainPending() > 0) {
            // until nothing is pending
        }
    }

    @Test
    void aRecordWaitsUntilChainedAndThenLinksIntoAValidChainInOrder() {
        String t = "deferred:" + UUID.randomUUID() + ":";
        for (int i = 1; i <= 3; i++) {
            audit.recordAs("tester", "10.0.0.9", "test.deferred", t + i, AuditLog.Outcome.SUCCESS, Map.of("n", "" + i));
        }
        assertThat(chained(t)).isZero();
        assertThat(pending(t)).isEqualTo(3);
        drain();
        assertThat(pending(t)).isZero();
        List<String> inOrder = jdbc.sql("select target from audit_record where target like :t order by seq")
                .param("t", t + "%").query(String.class).list();
        assertThat(inOrder).containsExactly(t + 1, t + 2, t + 3);
        List<Long> seqs = jdbc.sql("select seq from audit_record where target like :t order by seq").param("t", t + "%")
                .query(Long.class).list();
        assertThat(seqs.get(2) - seqs.get(0)).as("consecutive, nothing else was chained in between").isEqualTo(2);
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void aRecordOfARolledBackTransactionIsNeverChained() {
        String t = "deferred-rollback:" + UUID.randomUUID();
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            audit.recordAs("tester", null, "test.deferred", t, AuditLog.Outcome.SUCCESS, Map.of());
            s.setRollbackOnly();
        });
        drain();
        assertThat(chained(t)).isZero();
        assertThat(pending(t)).isZero();
    }

    @Test
    void concurrentWritersAndTwoChainersChainEveryRecordExactlyOnce() throws Exception {
        String t = "deferred-load:" + UUID.randomUUID() + ":";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        audit.recordAs("writer" + writer, null, "test.deferred", t + writer + ":" + i,
                                AuditLog.Outcome.SUCCESS, Map.of());
                    }
                }));
            }
            List<Future<?>> chainers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                chainers.add(pool.submit(() -> {
                    while (writing.get()) {
                        chainer.chainPending();
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> f : chainers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        drain();
        assertThat(pending(t)).isZero();
        assertThat(chained(t)).isEqualTo(400);
        assertThat(jdbc.sql("select count(distinct target) from audit_record where target like :t").param("t", t + "%")
                .query(Long.class).single()).isEqualTo(400);
        var verdict = verifier.verify();
        assertThat(verdict.valid()).as(String.valueOf(verdict.reason())).isTrue();
    }

    @Test
    void anUnknownChainingModeIsRefusedAtStart() {
        assertThatThrownBy(() -> new JdbcAuditLog(jdbc, txManager, java.time.Clock.systemUTC(), "later"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fuwu.audit.chaining");
    }
}
