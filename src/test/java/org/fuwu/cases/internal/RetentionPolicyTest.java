package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final ZoneId CN = ZoneId.of("Asia/Shanghai");

    @Test
    void aCaseIsDueThreeCalendarYearsAfterItsClosureNotADayEarlier() {
        RetentionPolicy p = new RetentionPolicy(Period.ofYears(3), CN);
        Instant closed = Instant.parse("2023-06-15T02:00:00Z");
        assertThat(p.due(closed, Instant.parse("2026-06-15T01:59:59Z"))).isFalse();
        assertThat(p.due(closed, Instant.parse("2026-06-15T02:00:00Z"))).isTrue();
        assertThat(p.due(null, Instant.parse("2030-01-01T00:00:00Z"))).as("an open case is never due").isFalse();
    }

    @Test
    void aLongerPeriodIsKeptAndAShorterOneThanTheLegalMinimumRefused() {
        RetentionPolicy five = new RetentionPolicy(Period.ofYears(5), CN);
        assertThat(five.due(Instant.parse("2023-06-15T02:00:00Z"), Instant.parse("2027-06-15T02:00:00Z"))).isFalse();
        assertThatThrownBy(() -> new RetentionPolicy(Period.ofYears(2), CN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("legal minimum");
        assertThatThrownBy(() -> new RetentionPolicy(Period.ofMonths(35), CN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetentionPolicy(Period.ofMonths(36), CN).keep()).isEqualTo(Period.ofMonths(36));
    }
}
