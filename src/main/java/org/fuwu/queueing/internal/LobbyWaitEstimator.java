package org.fuwu.queueing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fuwu.organization.BranchSummary;
import org.fuwu.routing.WaitEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The lobby's wait estimate from real data, as P50 and P90 (issue 3, point 7): routing's
 * {@link WaitEstimator} (bootstrap simulation) fed with
 * <ul>
 *   <li>the live queue: the tickets waiting ahead, given by the caller;</li>
 *   <li>the counters open for the service now (state OPEN in {@code queue_counter_state}, or no state
 *       row, as the console treats it) among those that serve it in the matrix, and how many of them
 *       are busy (a ticket CALLED to or SERVING at them): a busy counter frees after a residual service
 *       time, a free one takes the next customer at once;</li>
 *   <li>recent real service times (started to closed of completed tickets issued in the last
 *       {@link #LOOK_BACK}) per service type, of the same hour of day where there are enough, else of
 *       all hours, else the configured expected time ({@link ServiceTimeSamples});</li>
 *   <li>appointments: those of the service due before the customer's estimated turn count as ahead
 *       ({@link AppointmentsAhead}), read from the {@link UpcomingAppointments} port when a bean
 *       implements it (no appointments otherwise).</li>
 * </ul>
 * The samples of a branch are read at most every {@link #CACHE_FOR} per instance (taking a ticket stays
 * one cheap query for the counters); counters and queue are read live.
 *
 * <p>Known simplifications: a counter that serves several service types is counted as open for each
 * of them, and the estimate counts only the service's own queue ahead (not the other services that
 * counter also serves); with every counter of the service paused or closed, the estimate is given as
 * if they were open and busy (the customer still gets a figure, not "unknown"); a service no counter
 * serves is estimated by {@link SimpleWaitEstimator} with one counter.
 */
@Component
public class LobbyWaitEstimator {

    /** How far back the service times are read. */
    public static final Duration LOOK_BACK = Duration.ofDays(14);

    /** How long the samples of a branch are reused. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(45);

    /** Appointments up to this long overdue are still expected (late, not yet marked missed). */
    static final Duration LATE_APPOINTMENTS = Duration.ofMinutes(30);

    /** Appointments further ahead than this cannot come before a turn the estimate would give. */
    static final Duration APPOINTMENT_HORIZON = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(LobbyWaitEstimator.class);

    private record Cached(Instant loadedAt, ServiceTimeSamples samples) {
    }

    private final EstimatorStore store;
    private final ObjectProvider<UpcomingAppointments> appointments;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LobbyWaitEstimator(EstimatorStore store, ObjectProvider<UpcomingAppointments> appointments, Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** The estimate for a customer with {@code peopleAhead} tickets of the same service waiting ahead. */
    public WaitEstimate estimate(BranchSummary branch, ServiceType service, int peopleAhead) {
        return lobby(branch).estimate(service, peopleAhead);
    }

    /** The branch's lobby as it is now, for several estimates in a row (the kiosk's list of services). */
    public Lobby lobby(BranchSummary branch) {
        Instant now = clock.instant();
        return new Lobby(branch, now, samples(branch, now), store.counters(branch.code()));
    }

    /** Forgets the cached samples (tests, and after bulk data changes). */
    public void forget() {
        cache.clear();
    }

    private ServiceTimeSamples samples(BranchSummary branch, Instant now) {
        Cached c = cache.get(branch.code());
        if (c == null || c.loadedAt().plus(CACHE_FOR).isBefore(now) || c.loadedAt().isAfter(now)) {
            c = new Cached(now, new ServiceTimeSamples(store.completedSince(branch.code(), now.minus(LOOK_BACK)),
                    branch.timeZone()));
            cache.put(branch.code(), c);
        }
        return c.samples();
    }

    private List<Instant> upcoming(String branchCode, String serviceCode, Instant now) {
        UpcomingAppointments port = appointments.getIfUnique();
        if (port == null) {
            return List.of();
        }
        try {
            return port.bookedBetween(branchCode, serviceCode, now.minus(LATE_APPOINTMENTS), now.plus(APPOINTMENT_HORIZON));
        } catch (RuntimeException e) {
            // the estimate is advice: a failing appointment book must not stop a ticket from being issued
            log.warn("Upcoming appointments of {}/{} unavailable for the wait estimate: {}", branchCode, serviceCode,
                    e.toString());
            return List.of();
        }
    }

    /** A branch's lobby at one moment: its counters now and its recent service times. */
    public final class Lobby {

        private final BranchSummary branch;
        private final Instant now;
        private final Map<String, List<Duration>> samples;
        private final List<EstimatorStore.CounterNow> counters;
        private final Map<String, WaitEstimator> estimators = new HashMap<>();
        /** The appointments due per service, read once per lobby (they do not depend on the people ahead). */
        private final Map<String, List<Instant>> booked = new HashMap<>();

        private Lobby(BranchSummary branch, Instant now, ServiceTimeSamples samples, List<EstimatorStore.CounterNow> counters) {
            this.branch = branch;
            this.now = now;
            this.samples = samples.at(now.atZone(branch.timeZone()).getHour());
            this.counters = counters;
        }

        /** The estimate for a customer of this service with {@code peopleAhead} waiting ahead. */
        public WaitEstimate estimate(ServiceType service, int peopleAhead) {
            return estimate(service, peopleAhead, Set.of());
        }

        /**
         * What-if: the estimate were the counters {@code alsoOpen} (paused or closed now, serving the
         * service in the matrix) open and free. The lobby manager's suggestion of a counter to open.
         */
        public WaitEstimate estimate(ServiceType service, int peopleAhead, Set<String> alsoOpen) {
            Set<String> serving = new HashSet<>();
            Set<String> open = new HashSet<>();
            Set<String> busy = new HashSet<>();
            for (EstimatorStore.CounterNow c : counters) {
                if (!c.serviceCode().equals(service.code())) {
                    continue;
                }
                serving.add(c.counterCode());
                if (c.open() || alsoOpen.contains(c.counterCode())) {
                    open.add(c.counterCode());
                    if (c.busy() && c.open()) {
                        busy.add(c.counterCode());
                    }
                }
            }
            if (serving.isEmpty()) {
                return SimpleWaitEstimator.estimate(peopleAhead, service.expectedServiceSeconds(), 1);
            }
            int openCount = open.isEmpty() ? serving.size() : open.size();
            int busyCount = open.isEmpty() ? serving.size() : busy.size();
            WaitEstimator estimator = estimators.computeIfAbsent(service.code(), k -> estimator(service));
            List<Instant> booked = this.booked.computeIfAbsent(service.code(), c -> upcoming(branch.code(), c, now));
            return AppointmentsAhead.estimate(peopleAhead, booked, now, ahead ->
                    estimator.estimate(Collections.nCopies(ahead, service.code()), openCount, busyCount)
                            .map(w -> new WaitEstimate(w.p50().toSeconds(), w.p90().toSeconds()))
                            .orElseGet(() -> SimpleWaitEstimator.estimate(ahead, service.expectedServiceSeconds(),
                                    openCount))).estimate();
        }

        private WaitEstimator estimator(ServiceType service) {
            Duration expected = Duration.ofSeconds(Math.max(1, service.expectedServiceSeconds()));
            return new WaitEstimator(samples, Map.of(service.code(), expected), expected);
        }
    }
}
