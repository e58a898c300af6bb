package org.fuwu.platform.security;

import java.time.Duration;

/**
 * The login rate-limit policy: an account with {@code maxFailures} failed logins within the window,
 * or a client address with {@code maxFailuresPerOrigin}, is locked until the oldest of them leaves
 * the window. (A branch whose staff share one NAT address may want a higher per-address figure.) Attempts made
 * while locked are refused without counting, so a lock ends on its own.
 */
public record LoginThrottle(int maxFailures, int maxFailuresPerOrigin, Duration window) {

    public LoginThrottle {
        if (maxFailures < 1 || maxFailuresPerOrigin < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a throttle needs at least one failure and a positive window");
        }
    }

    /** Whether further attempts are refused, given the failures counted within the window. */
    public boolean locked(long accountFailures, long originFailures) {
        return accountFailures >= maxFailures || originFailures >= maxFailuresPerOrigin;
    }
}
