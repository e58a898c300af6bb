package org.fuwu.queueing.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows this instance has seen exist (a branch's routing row, a day's number counter), so that the
 * transaction that makes sure of them is run once per instance and key, not once per request. The rows
 * are never deleted, so a remembered row stays true; the memory is bounded (cleared when full: the next
 * request of each key checks once more).
 */
final class KnownRows {

    private final int max;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    KnownRows(int max) {
        this.max = max;
    }

    /** Runs {@code ensure} unless the key is known to exist; remembers it once {@code ensure} returned. */
    void ensure(String key, Runnable ensure) {
        if (keys.contains(key)) {
            return;
        }
        ensure.run();
        if (keys.size() >= max) {
            keys.clear();
        }
        keys.add(key);
    }
}
