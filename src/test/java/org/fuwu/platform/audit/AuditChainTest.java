package org.fuwu.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private final AuditRow row = new AuditRow(7, Instant.parse("2026-11-23T08:00:00.123456789Z"), "admin", "127.0.0.1",
            "customer.create", "customer:1", "SUCCESS", null, AuditChain.GENESIS, null);

    @Test
    void theHashCoversThePreviousHashAndEveryField() {
        String h = AuditChain.hash(AuditChain.GENESIS, row);
        assertThat(h).hasSize(64);
        assertThat(AuditChain.hash("1".repeat(64), row)).isNotEqualTo(h);
        assertThat(AuditChain.hash(AuditChain.GENESIS, new AuditRow(7, row.occurredAt(), "admin2", row.origin(), row.action(),
                row.target(), row.outcome(), null, row.prevHash(), null))).isNotEqualTo(h);
        assertThat(AuditChain.hash(AuditChain.GENESIS, new AuditRow(7, row.occurredAt(), row.actor(), row.origin(), row.action(),
                row.target(), "FAILURE", null, row.prevHash(), null))).isNotEqualTo(h);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditRow a = new AuditRow(1, row.occurredAt(), "ab", "c", "x", null, "SUCCESS", null, AuditChain.GENESIS, null);
        AuditRow b = new AuditRow(1, row.occurredAt(), "a", "bc", "x", null, "SUCCESS", null, AuditChain.GENESIS, null);
        assertThat(AuditChain.hash(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, b));
    }

    @Test
    void timesAreHashedAtTheMicrosecondThatBothDatabasesStore() {
        AuditRow micros = new AuditRow(7, Instant.parse("2026-11-23T08:00:00.123456Z"), row.actor(), row.origin(), row.action(),
                row.target(), row.outcome(), null, row.prevHash(), null);
        assertThat(AuditChain.hash(AuditChain.GENESIS, row)).isEqualTo(AuditChain.hash(AuditChain.GENESIS, micros));
    }
}
