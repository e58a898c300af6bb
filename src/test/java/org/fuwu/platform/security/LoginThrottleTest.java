package org.fuwu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(5, 5, Duration.ofMinutes(5));

    @Test
    void fourFailuresStillLetTheNextAttemptThrough() {
        assertThat(throttle.locked(4, 4)).isFalse();
    }

    @Test
    void fiveFailuresOfOneAccountOrOneAddressLock() {
        assertThat(throttle.locked(5, 0)).isTrue();
        assertThat(throttle.locked(0, 5)).isTrue();
    }

    @Test
    void anAddressMayHaveItsOwnHigherLimit() {
        LoginThrottle nat = new LoginThrottle(5, 20, Duration.ofMinutes(5));
        assertThat(nat.locked(0, 19)).isFalse();
        assertThat(nat.locked(0, 20)).isTrue();
        assertThat(nat.locked(5, 0)).isTrue();
    }
}
