package org.fuwu.queueing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KnownRowsTest {

    @Test
    void aKeyIsMadeSureOfOnceThenRemembered() {
        KnownRows rows = new KnownRows(100);
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            rows.ensure("B001|2026-12-01|A", runs::incrementAndGet);
        }
        rows.ensure("B001|2026-12-01|B", runs::incrementAndGet);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailedEnsureIsNotRememberedAndTriesAgain() {
        KnownRows rows = new KnownRows(100);
        assertThatThrownBy(() -> rows.ensure("k", () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);
        AtomicInteger runs = new AtomicInteger();
        rows.ensure("k", runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }

    @Test
    void theMemoryIsBoundedAndForgetsWhenFull() {
        KnownRows rows = new KnownRows(3);
        AtomicInteger runs = new AtomicInteger();
        for (String k : new String[] {"a", "b", "c", "d", "a"}) {
            rows.ensure(k, runs::incrementAndGet);
        }
        // a, b, c remembered; d cleared the memory; a is checked once more
        assertThat(runs).hasValue(5);
    }
}
