package org.fuwu.contact.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contact centre's historical report (named policy, plain Java): per interval (15 minutes, an hour or
 * a day, in the centre's time zone) and queue, by the formulas of REFERENCE.md:
 * <ul>
 *   <li>contacts count in the interval they arrived in (started waiting);</li>
 *   <li>offered = answered + abandoned, abandons of at most {@code shortAbandon} excluded (and counted apart);</li>
 *   <li>service level = answered within the queue's threshold ÷ offered; ASA = queue wait of the answered ÷ answered;</li>
 *   <li>AHT = (accepted to ended, which holds talk, hold and the wrap-up before ending) ÷ handled;</li>
 *   <li>FCR = handled contacts of known customers with no contact of the same customer, on any channel, in the
 *       following {@code fcrWindow} (7 days) ÷ those handled contacts; guests are left out, as they cannot be followed;</li>
 *   <li>occupancy (all queues, per interval) = time agents held at least one contact while available ÷ time they
 *       were available.</li>
 * </ul>
 */
public final class ContactReport {

    private ContactReport() {
    }

    public enum Grain {
        QUARTER_HOUR(Duration.ofMinutes(15)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        final Duration length;

        Grain(Duration length) {
            this.length = length;
        }
    }

    /** One contact; {@code nextContactAt} is when the same customer next got in touch on any channel (null: not yet, or a guest). */
    public record Contact(String queue, int slSeconds, Instant queuedAt, Instant answeredAt, Instant abandonedAt,
                          Instant endedAt, Long customerId, Instant nextContactAt) {
    }

    /** A stretch of an agent's time: available (ready or busy) or not. */
    public record Span(long agent, Instant from, Instant to) {
    }

    /** One row; {@code queue} null is the interval's total over all queues, which carries occupancy. */
    public record Row(Instant from, String queue, int offered, int answered, int answeredWithin, int abandoned,
                      int shortAbandons, double serviceLevel, double asaSeconds, int handled, double ahtSeconds,
                      int fcrContacts, double fcr, Double occupancy) {
    }

    public static List<Row> of(List<Contact> contacts, List<Span> available, List<Span> busy, Instant from, Instant to,
                               Grain grain, ZoneId zone, Duration shortAbandon, Duration fcrWindow) {
        List<Instant> starts = intervals(from, to, grain, zone);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant a = starts.get(i);
            Instant b = i + 1 < starts.size() ? starts.get(i + 1) : to;
            Map<String, List<Contact>> byQueue = new TreeMap<>();
            List<Contact> all = new ArrayList<>();
            for (Contact c : contacts) {
                if (!c.queuedAt().isBefore(a) && c.queuedAt().isBefore(b)) {
                    byQueue.computeIfAbsent(c.queue(), k -> new ArrayList<>()).add(c);
                    all.add(c);
                }
            }
            for (var e : byQueue.entrySet()) {
                rows.add(row(a, e.getKey(), e.getValue(), shortAbandon, fcrWindow, null));
            }
            rows.add(row(a, null, all, shortAbandon, fcrWindow, occupancy(available, busy, a, b)));
        }
        rows.sort(Comparator.comparing(Row::from).thenComparing(r -> r.queue() == null ? "\uffff" : r.queue()));
        return rows;
    }

    static List<Instant> intervals(Instant from, Instant to, Grain grain, ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        ZonedDateTime t = from.atZone(zone);
        t = switch (grain) {
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case QUARTER_HOUR -> t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / 15 * 15);
        };
        while (t.toInstant().isBefore(to) && out.size() < 10_000) {
            out.add(t.toInstant());
            t = grain == Grain.DAY ? t.plusDays(1) : t.plus(grain.length);
        }
        return out;
    }

    private static Row row(Instant from, String queue, List<Contact> cs, Duration shortAbandon, Duration fcrWindow,
                           Double occupancy) {
        int answered = 0;
        int within = 0;
        int abandoned = 0;
        int shortOnes = 0;
        long wait = 0;
        int handled = 0;
        long handle = 0;
        int fcrBase = 0;
        int fcrOk = 0;
        for (Contact c : cs) {
            if (c.answeredAt() != null) {
                answered++;
                long w = Math.max(0, Duration.between(c.queuedAt(), c.answeredAt()).toMillis());
                wait += w;
                if (w <= c.slSeconds() * 1000L) {
                    within++;
                }
                if (c.endedAt() != null) {
                    handled++;
                    handle += Math.max(0, Duration.between(c.answeredAt(), c.endedAt()).toMillis());
                    if (c.customerId() != null) {
                        fcrBase++;
                        if (c.nextContactAt() == null || c.nextContactAt().isAfter(c.endedAt().plus(fcrWindow))) {
                            fcrOk++;
                        }
                    }
                }
            } else if (c.abandonedAt() != null) {
                if (Duration.between(c.queuedAt(), c.abandonedAt()).compareTo(shortAbandon) <= 0) {
                    shortOnes++;
                } else {
                    abandoned++;
                }
            }
        }
        int offered = answered + abandoned;
        return new Row(from, queue, offered, answered, within, abandoned, shortOnes,
                offered == 0 ? 1.0 : (double) within / offered, answered == 0 ? 0 : wait / 1000.0 / answered, handled,
                handled == 0 ? 0 : handle / 1000.0 / handled, fcrBase, fcrBase == 0 ? 1.0 : (double) fcrOk / fcrBase, occupancy);
    }

    /** Busy-while-available time ÷ available time from a (included) to b (excluded), over all agents; null when nobody was available. */
    static Double occupancy(List<Span> available, List<Span> busy, Instant a, Instant b) {
        long avail = 0;
        long used = 0;
        for (Span s : available) {
            Instant f = max(s.from(), a);
            Instant t = min(s.to(), b);
            if (!f.isBefore(t)) {
                continue;
            }
            avail += Duration.between(f, t).toMillis();
            // the union of this agent's busy stretches inside [f, t)
            List<Span> mine = busy.stream().filter(x -> x.agent() == s.agent() && x.from().isBefore(t) && x.to().isAfter(f))
                    .sorted(Comparator.comparing(Span::from)).toList();
            Instant cursor = f;
            for (Span x : mine) {
                Instant bf = max(x.from(), cursor);
                Instant bt = min(x.to(), t);
                if (bf.isBefore(bt)) {
                    used += Duration.between(bf, bt).toMillis();
                    cursor = bt;
                }
            }
        }
        return avail == 0 ? null : (double) used / avail;
    }

    private static Instant max(Instant x, Instant y) {
        return x.isAfter(y) ? x : y;
    }

    private static Instant min(Instant x, Instant y) {
        return x.isBefore(y) ? x : y;
    }
}
