package org.fuwu.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window limit of anonymous requests per client address (ticket issues, chat starts), so that public
 * endpoints cannot be used to flood a queue. In memory, per instance: with N
 * instances behind a balancer a client gets at most N times the limit, which is still a bound.
 */
public final class ClientRateLimit {

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ClientRateLimit(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit of at least 1 per positive window");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one attempt of that client; false when the client is over its limit in the current window. */
    public boolean tryAcquire(String client) {
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            evictExpired(now);
        }
        Window w = windows.compute(client, (k, old) -> old == null || !now.isBefore(old.start().plus(window))
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        return w.count() <= limit;
    }

    private void evictExpired(Instant now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().start().plus(window))) {
                it.remove();
            }
        }
    }
}
