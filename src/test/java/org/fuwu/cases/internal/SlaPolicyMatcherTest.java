package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SlaPolicyMatcherTest {

    static SlaPolicy p(long id, String type, String severity, String segment, boolean active) {
        ClockRule h = new ClockRule("x", (int) id, ClockRule.Unit.CALENDAR_HOURS);
        return new SlaPolicy(id, type, severity, segment, h, h, h, active);
    }

    static final List<SlaPolicy> POLICIES = List.of(
            p(1, "ANY", "ANY", "ANY", true),
            p(2, "COMPLAINT", "ANY", "ANY", true),
            p(3, "COMPLAINT", "HIGH", "ANY", true),
            p(4, "COMPLAINT", "ANY", "VIP", true),
            p(5, "COMPLAINT", "HIGH", "VIP", true),
            p(6, "ANY", "HIGH", "VIP", true),
            p(7, "COMPLAINT", "HIGH", "PRIVATE", false));

    static long match(List<SlaPolicy> policies, String type, String severity, String segment) {
        return SlaPolicyMatcher.match(policies, type, severity, segment).orElseThrow().id();
    }

    @Test
    void theMostSpecificMatchingPolicyWins() {
        assertThat(match(POLICIES, "COMPLAINT", "HIGH", "VIP")).isEqualTo(5);
        assertThat(match(POLICIES, "COMPLAINT", "NORMAL", "VIP")).isEqualTo(4);
        assertThat(match(POLICIES, "COMPLAINT", "HIGH", "ORDINARY")).isEqualTo(3);
        assertThat(match(POLICIES, "COMPLAINT", "LOW", "ORDINARY")).isEqualTo(2);
        assertThat(match(POLICIES, "INQUIRY", "HIGH", "VIP")).isEqualTo(6);
        assertThat(match(POLICIES, "INQUIRY", "LOW", "ORDINARY")).isEqualTo(1);
    }

    @Test
    void anInactivePolicyNeverMatchesSoTheNextMostSpecificDoes() {
        assertThat(match(POLICIES, "COMPLAINT", "HIGH", "PRIVATE")).isEqualTo(3);
    }

    @Test
    void betweenPoliciesNamingAsManyKeysTheTypeWinsThenTheSeverityThenTheSegment() {
        // two keys each: COMPLAINT/HIGH/ANY against COMPLAINT/ANY/VIP: the severity wins over the segment
        assertThat(match(List.of(POLICIES.get(2), POLICIES.get(3)), "COMPLAINT", "HIGH", "VIP")).isEqualTo(3);
        // two keys each: COMPLAINT/ANY/VIP against ANY/HIGH/VIP: the type wins
        assertThat(match(List.of(POLICIES.get(5), POLICIES.get(3)), "COMPLAINT", "HIGH", "VIP")).isEqualTo(4);
        // more keys always win: ANY/HIGH/VIP (2) over COMPLAINT/ANY/ANY (1)
        assertThat(match(List.of(POLICIES.get(1), POLICIES.get(5)), "COMPLAINT", "HIGH", "VIP")).isEqualTo(6);
    }

    @Test
    void aCaseWithoutASegmentIsMatchedOnlyByPoliciesForAnySegment() {
        assertThat(match(POLICIES, "COMPLAINT", "HIGH", null)).isEqualTo(3);
    }

    @Test
    void noMatchingPolicyGivesNone() {
        assertThat(SlaPolicyMatcher.match(List.of(POLICIES.get(1)), "INQUIRY", "LOW", "ORDINARY")).isEqualTo(Optional.empty());
    }
}
