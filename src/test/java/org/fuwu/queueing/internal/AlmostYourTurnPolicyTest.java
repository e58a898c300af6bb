package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlmostYourTurnPolicyTest {

    private static final long MINUTE = 60;
    private final AlmostYourTurnPolicy policy = AlmostYourTurnPolicy.defaults();

    @Test
    void theDefaultsAreTwoAheadOrFiveMinutes() {
        assertThat(policy).isEqualTo(new AlmostYourTurnPolicy(2, 5));
    }

    @Test
    void notifiesOnceAtMostThePeopleAheadWaitEvenWithALongEstimate() {
        assertThat(policy.shouldNotify(2, 30 * MINUTE)).isTrue();
        assertThat(policy.shouldNotify(1, 30 * MINUTE)).isTrue();
        assertThat(policy.shouldNotify(0, 30 * MINUTE)).isTrue();
    }

    @Test
    void doesNotNotifyWithMoreAheadAndAnEstimateOfAtLeastTheMinutes() {
        assertThat(policy.shouldNotify(3, 5 * MINUTE)).isFalse();
        assertThat(policy.shouldNotify(10, 40 * MINUTE)).isFalse();
    }

    @Test
    void notifiesWhenTheEstimateDropsBelowTheMinutesWhateverTheQueue() {
        assertThat(policy.shouldNotify(8, 5 * MINUTE - 1)).isTrue();
        assertThat(policy.shouldNotify(8, 0)).isTrue();
    }

    @Test
    void zeroMinutesLeavesOnlyThePeopleAheadAndZeroAheadMeansOnlyWhenNext() {
        AlmostYourTurnPolicy onlyAhead = new AlmostYourTurnPolicy(2, 0);
        assertThat(onlyAhead.shouldNotify(3, 0)).isFalse();
        assertThat(onlyAhead.shouldNotify(2, 99 * MINUTE)).isTrue();

        AlmostYourTurnPolicy onlyNext = new AlmostYourTurnPolicy(0, 0);
        assertThat(onlyNext.shouldNotify(1, 0)).isFalse();
        assertThat(onlyNext.shouldNotify(0, 99 * MINUTE)).isTrue();
    }

    @Test
    void badThresholdsAndNegativeInputsAreRefused() {
        assertThatThrownBy(() -> new AlmostYourTurnPolicy(-1, 5)).hasMessageContaining("people-ahead");
        assertThatThrownBy(() -> new AlmostYourTurnPolicy(2, -1)).hasMessageContaining("minutes");
        assertThatThrownBy(() -> policy.shouldNotify(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTicketServiceNormalisesAMobileLikeTheCustomerFileAndRefusesABadOneNamingTheField() {
        assertThat(TicketService.notifyMobile("+86 139-1234-5678")).isEqualTo("13912345678");
        assertThat(TicketService.notifyMobile("  ")).isNull();
        assertThatThrownBy(() -> TicketService.notifyMobile("12345678901"))
                .isInstanceOfSatisfying(org.fuwu.platform.FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("notifyMobile"));
        assertThat(TicketService.language("en-GB")).isEqualTo("en");
        assertThat(TicketService.language("zh_CN")).isEqualTo("zh-CN");
        assertThat(TicketService.language(null)).isNull();
    }
}
