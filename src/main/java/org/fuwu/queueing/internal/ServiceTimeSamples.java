package org.fuwu.queueing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which recent service times the wait estimate draws from, per service type: a named policy, plain Java.
 *
 * <p>Service times in a lobby depend on the hour (the lunch hour brings quick cash withdrawals, the
 * morning long account openings), so for each service type the estimate prefers the completed
 * services that <em>started in the same hour of day</em> (branch time) within the look-back window,
 * as long as there are at least {@link #MIN_SAMPLES} of them. With fewer it takes the service
 * type's samples of all hours in the window, again only with at least {@link #MIN_SAMPLES}; with
 * fewer still it has no samples for that type, and routing's estimator falls back to the service
 * type's configured expected time. So a new branch or a new service starts from its configuration
 * and moves to real data as it accumulates. At most {@link #MAX_SAMPLES} of the newest services are
 * kept per type and hour. Negative or zero durations (clock trouble, data repairs) are ignored.
 */
public final class ServiceTimeSamples {

    /** Fewer samples than this are not trusted for a type (or a type and hour). */
    public static final int MIN_SAMPLES = 5;

    /** The newest services kept per type (and per type and hour). */
    public static final int MAX_SAMPLES = 500;

    /** One completed service: its type, when it started and how long it took. */
    public record Sample(String serviceCode, Instant startedAt, Duration duration) {
    }

    /** The samples of a branch, grouped once so that each estimate picks its hour cheaply. */
    private final Map<String, List<Duration>> allHours;
    private final Map<String, Map<Integer, List<Duration>>> byHour;

    /**
     * @param samples the completed services of the look-back window, in any order
     * @param zone the branch's time zone (hours of day are the branch's)
     */
    public ServiceTimeSamples(List<Sample> samples, ZoneId zone) {
        List<Sample> newestFirst = new ArrayList<>(samples);
        newestFirst.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
        Map<String, List<Duration>> all = new HashMap<>();
        Map<String, Map<Integer, List<Duration>>> hours = new HashMap<>();
        for (Sample s : newestFirst) {
            if (s.duration() == null || s.duration().isNegative() || s.duration().isZero()) {
                continue;
            }
            List<Duration> forType = all.computeIfAbsent(s.serviceCode(), k -> new ArrayList<>());
            if (forType.size() < MAX_SAMPLES) {
                forType.add(s.duration());
            }
            int hour = s.startedAt().atZone(zone).getHour();
            List<Duration> forHour = hours.computeIfAbsent(s.serviceCode(), k -> new HashMap<>())
                    .computeIfAbsent(hour, k -> new ArrayList<>());
            if (forHour.size() < MAX_SAMPLES) {
                forHour.add(s.duration());
            }
        }
        this.allHours = all;
        this.byHour = hours;
    }

    /** The samples to draw from at an hour of day (0..23), per service type; types without enough are left out. */
    public Map<String, List<Duration>> at(int hourOfDay) {
        Map<String, List<Duration>> chosen = new HashMap<>();
        allHours.forEach((type, all) -> {
            List<Duration> sameHour = byHour.getOrDefault(type, Map.of()).getOrDefault(hourOfDay, List.of());
            if (sameHour.size() >= MIN_SAMPLES) {
                chosen.put(type, List.copyOf(sameHour));
            } else if (all.size() >= MIN_SAMPLES) {
                chosen.put(type, List.copyOf(all));
            }
        });
        return chosen;
    }
}
