package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of closed case files ({@link RetentionPolicy}): kept {@code fuwu.cases.retention.keep} (3 years by default,
 * never less), then <em>anonymised</em>, not deleted, by a scheduled job ({@code fuwu.cases.retention.cron}, nightly;
 * {@code fuwu.cases.retention.enabled=false} turns it off). Anonymising drops every piece of personal data (summary,
 * decision and corrective action replaced by a placeholder, contact details, customer link, involved staff,
 * attachments, timeline details, callback notes) and keeps the case number, type, channel, business, cause and
 * root-cause codes, branch, region, status, times and clocks' inputs, so that the statistics of past periods do not
 * change. Each case anonymised is audited, one case per transaction.
 */
@Service
public class CaseRetention {

    static final String PLACEHOLDER = "[anonymised after the retention period]";

    private final InsightStore store;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final RetentionPolicy policy;
    private final boolean enabled;
    private final TransactionTemplate tx;

    CaseRetention(InsightStore store, PersonalData personalData, AuditLog audit, Clock clock, PlatformTransactionManager txManager,
                  @Value("${fuwu.cases.retention.keep:P3Y}") Period keep, @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone,
                  @Value("${fuwu.cases.retention.enabled:true}") boolean enabled) {
        this.store = store;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.policy = new RetentionPolicy(keep, zone);
        this.enabled = enabled;
        this.tx = new TransactionTemplate(txManager);
    }

    public Period keep() {
        return policy.keep();
    }

    @Scheduled(cron = "${fuwu.cases.retention.cron:0 30 2 * * *}", zone = "${fuwu.cases.zone:Asia/Shanghai}")
    void nightly() {
        if (enabled) {
            run();
        }
    }

    /** Anonymises every closed case past its retention at the clock's now; answers how many. */
    public int run() {
        Instant now = clock.instant();
        Instant before = policy.closedBefore(now);
        int done = 0;
        List<Long> batch;
        do {
            batch = store.closedBeforeNotAnonymised(before, 100);
            for (long id : batch) {
                tx.executeWithoutResult(s -> {
                    store.anonymise(id, personalData.encrypt(PLACEHOLDER), now);
                    audit.success("cases.retention.anonymise", "case:" + id, Map.of("keep", policy.keep().toString()));
                });
                done++;
            }
        } while (batch.size() == 100);
        if (done > 0) {
            audit.success("cases.retention.run", "cases:retention", Map.of("anonymised", String.valueOf(done),
                    "closedBefore", before.toString()));
        }
        return done;
    }
}
