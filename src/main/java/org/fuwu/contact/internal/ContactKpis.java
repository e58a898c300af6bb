package org.fuwu.contact.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The supervisor wall's figures for one queue over a window (named policy, plain Java), by the
 * formulas of REFERENCE.md:
 * <ul>
 *   <li>offered: the contacts that left the queue in the window, answered or abandoned, short abandons
 *       (at most {@code shortAbandon}) excluded;</li>
 *   <li>service level: answered within the threshold ÷ offered (1 when none was offered);</li>
 *   <li>ASA: total queue wait of the answered ÷ answered;</li>
 *   <li>abandonment: abandoned (short abandons excluded) ÷ offered;</li>
 *   <li>waiting and longest wait: what waits now.</li>
 * </ul>
 */
public final class ContactKpis {

    private ContactKpis() {
    }

    /**
     * One contact's queue times.
     *
     * @param queuedAt when it started waiting
     * @param answeredAt when an agent accepted it, or null
     * @param abandonedAt when the customer left unanswered, or null
     */
    public record Fact(Instant queuedAt, Instant answeredAt, Instant abandonedAt) {
        boolean waiting() {
            return answeredAt == null && abandonedAt == null;
        }
    }

    /** The figures. serviceLevel and abandonment are fractions 0 to 1; times in seconds. */
    public record Figures(int waiting, long longestWaitSeconds, int offered, int answered, int answeredWithin,
                          int abandoned, int shortAbandons, double serviceLevel, double asaSeconds, double abandonment) {
    }

    public static Figures of(List<Fact> facts, Instant from, Instant now, Duration threshold, Duration shortAbandon) {
        int waiting = 0;
        long longest = 0;
        int answered = 0;
        int within = 0;
        int abandoned = 0;
        int shortAbandons = 0;
        long waitTotal = 0;
        for (Fact f : facts) {
            if (f.waiting()) {
                waiting++;
                longest = Math.max(longest, Math.max(0, Duration.between(f.queuedAt(), now).toSeconds()));
                continue;
            }
            if (f.answeredAt() != null) {
                if (f.answeredAt().isBefore(from) || f.answeredAt().isAfter(now)) {
                    continue;
                }
                Duration wait = Duration.between(f.queuedAt(), f.answeredAt());
                answered++;
                waitTotal += Math.max(0, wait.toMillis());
                if (wait.compareTo(threshold) <= 0) {
                    within++;
                }
            } else {
                if (f.abandonedAt().isBefore(from) || f.abandonedAt().isAfter(now)) {
                    continue;
                }
                if (Duration.between(f.queuedAt(), f.abandonedAt()).compareTo(shortAbandon) <= 0) {
                    shortAbandons++;
                } else {
                    abandoned++;
                }
            }
        }
        int offered = answered + abandoned;
        return new Figures(waiting, longest, offered, answered, within, abandoned, shortAbandons,
                offered == 0 ? 1.0 : (double) within / offered, answered == 0 ? 0 : waitTotal / 1000.0 / answered,
                offered == 0 ? 0 : (double) abandoned / offered);
    }
}
